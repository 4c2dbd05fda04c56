"""QR codes of the learner link: text for the terminal, SVG for the trainer app."""

from __future__ import annotations

import io

import qrcode
import qrcode.image.svg


def terminal_qr(link: str) -> str:
    code = qrcode.QRCode(border=1)
    code.add_data(link)
    buffer = io.StringIO()
    code.print_ascii(out=buffer, invert=True)
    return buffer.getvalue()


def svg_qr(link: str) -> str:
    """An SVG image of the link (the caller gives it a text alternative)."""
    image = qrcode.make(link, image_factory=qrcode.image.svg.SvgPathImage, border=2)
    return str(image.to_string(encoding="unicode"))
