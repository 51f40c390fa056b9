"""Benchmarks of the budgets in DESIGN.md; figures in bench/RESULTS.md."""
