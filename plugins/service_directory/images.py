"""Publish providers' pictures without what the camera recorded.

Photos from phones carry EXIF data: the camera, the time and often the GPS
position of a family's or a child's location. Only the pixels are published.
"""

import io
import logging
from pathlib import Path
from types import SimpleNamespace

from PIL import Image, ImageOps

logger = logging.getLogger(__name__)

FORMATS = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP"}


def clean_image_bytes(source):
    """The picture at `source`, turned the right way up, with no metadata."""
    with Image.open(source) as original:
        upright = ImageOps.exif_transpose(original)
        # A fresh image from the pixels alone carries no EXIF, XMP, ICC or comments.
        pixels = Image.frombytes(upright.mode, upright.size, upright.tobytes())
        if pixels.mode not in ("RGB", "RGBA", "L"):
            pixels = pixels.convert("RGBA" if "A" in pixels.mode else "RGB")
    image_format = FORMATS[Path(source).suffix.lower()]
    if image_format == "JPEG" and pixels.mode == "RGBA":
        pixels = pixels.convert("RGB")
    buffer = io.BytesIO()
    options = {"quality": 85, "optimize": True} if image_format == "JPEG" else {"optimize": True}
    pixels.save(buffer, image_format, **options)
    return buffer.getvalue(), pixels.size


def publish_images(service, providers_dir, output_path):
    """Write `service`'s pictures beside its page and fill in `service.images`."""
    service.images = []
    for picture in service.image_sources:
        source = Path(providers_dir) / picture["file"]
        name = Path(picture["file"]).name
        relative = f"{service.url}{name}"
        try:
            data, (width, height) = clean_image_bytes(source)
        except (OSError, ValueError) as error:
            logger.warning("service_directory: %s: picture %s left out: %s", service.source_path, picture["file"], error)
            continue
        target = Path(output_path) / Path(service.save_as).parent / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists() or target.read_bytes() != data:
            target.write_bytes(data)
        service.images.append(SimpleNamespace(url=relative, alt=picture["alt"], width=width, height=height))
