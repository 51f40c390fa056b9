"""Render the SVG icons in resources/icons into the raster formats platforms want.

The SVGs are the only hand-edited icon files. Linux desktops want PNGs per
hicolor size, Windows wants one multi-size .ico (Explorer picks the size, and a
downscaled 256 px image looks smeared at 16 px), macOS wants an .icns. Each size
is rendered from the vector source rather than scaled from one bitmap, so small
sizes stay sharp. The outputs are committed, so building a bundle never needs
this script; run it after editing an SVG:

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/make_icons.py
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ICONS = ROOT / "resources" / "icons"
PNG_DIR = ICONS / "png"
NAMES = ("rejoinder", "rejoinder-document")
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)  # 256 is the largest an .ico entry can hold
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)  # 1024 is the 512@2x Retina entry


def render_png(svg: Path, size: int) -> bytes:
    """Return the SVG rendered as a square PNG of ``size`` pixels, transparent background."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.convertToFormat(QImage.Format.Format_ARGB32).save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def write_icon_set(name: str) -> None:
    """Write the PNG sizes, the .ico and the .icns for one SVG source."""
    from PIL import Image

    svg = ICONS / f"{name}.svg"
    images: dict[int, Image.Image] = {}
    for size in sorted(set(PNG_SIZES) | set(ICNS_SIZES)):
        png = render_png(svg, size)
        if size in PNG_SIZES:
            (PNG_DIR / f"{name}-{size}.png").write_bytes(png)
        images[size] = Image.open(io.BytesIO(png)).convert("RGBA")

    largest = images[max(ICO_SIZES)]
    largest.save(
        ICONS / f"{name}.ico",
        format="ICO",
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=[images[s] for s in ICO_SIZES if s != max(ICO_SIZES)],
    )
    biggest = images[max(ICNS_SIZES)]
    biggest.save(
        ICONS / f"{name}.icns",
        format="ICNS",
        append_images=[images[s] for s in ICNS_SIZES if s != max(ICNS_SIZES)],
    )
    print(f"{name}: {len(PNG_SIZES)} PNGs, .ico, .icns")


def main() -> int:
    """Render every icon set; needs a QGuiApplication for QPainter, offscreen is enough."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    PNG_DIR.mkdir(parents=True, exist_ok=True)
    for name in NAMES:
        write_icon_set(name)
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
