"""Keep the top of the C heap in a process that lives briefly and frees as it goes.

glibc hands the top of its heap back to the system as soon as more than
128 kB of it is free, and takes memory back at the next allocation, where
every page costs a page fault again. pdfium allocates and frees some 800 kB
for each page it reads: the first long PDF a process read took 60,000 page
faults for 300 pages (45 ms of the 300-page benchmark's 265 of pdfium work),
until glibc's own threshold happened to grow. With 4 MB kept at the top
(``M_TOP_PAD``) the same reading takes 700. The pad only keeps memory already
taken, up to 4 MB; it also fixes glibc's threshold for mapping large blocks
at its default, which is why only processes that read PDFs on their main
thread set it (the command line; benchmarks and tests), and the PDF reader's
workers, never the window, which imports on a pool thread.
"""

from __future__ import annotations

import ctypes
import functools
import logging
import sys

logger = logging.getLogger(__name__)

M_TOP_PAD = -2  # glibc's mallopt parameter (malloc.h)
PAD = 4 * 1024 * 1024


@functools.cache
def keep_heap_top() -> bool:
    """Ask glibc to keep :data:`PAD` bytes free at the heap's top; whether it could.

    Elsewhere (macOS, Windows, musl) nothing is done: their allocators differ.
    """
    if not sys.platform.startswith("linux"):
        return False
    try:
        mallopt = ctypes.CDLL("libc.so.6").mallopt
    except (OSError, AttributeError):
        return False
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    mallopt.restype = ctypes.c_int
    return bool(mallopt(M_TOP_PAD, PAD))
