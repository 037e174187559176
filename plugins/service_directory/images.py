"""Check providers' pictures, and publish them without what the camera recorded.

Photos from phones carry EXIF data: the camera, the time and often the GPS
position of a family's or a child's location. Only the pixels are published.

A picture is untrusted too: a 100-kilobyte PNG can claim 30,000 × 30,000
pixels (3.6 GB once decoded), and a GIF, TIFF or EPS file can be named
`.png`. So a picture is opened only as JPEG, PNG or WebP, whatever its name
says, and its size is read from its header and checked against
SERVICES_MAX_PICTURE_PIXELS before a pixel is decoded. `validate` runs the
same check as the build (`picture_problem`).
"""

import functools
import hashlib
import io
import logging
from collections.abc import Sequence
from pathlib import Path
from types import SimpleNamespace

import PIL
from PIL import Image, ImageOps

from localoffer.cache_files import digest, write_atomic
from localoffer.written_yaml.problems import quoted

logger = logging.getLogger(__name__)

FORMATS = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP"}
OPENED_AS = ("JPEG", "PNG", "WEBP")
MAX_PIXELS = 40_000_000


class PictureRefused(Exception):
    """A picture that is not published; the message says why and what to do."""


def open_picture(source, shown, max_pixels=MAX_PIXELS):
    """The picture at `source`, decoded; PictureRefused (naming `shown`) when it
    is not a real JPEG, PNG or WebP, is too large or cannot be decoded."""
    # Pillow's own check (in Image.open) refuses twice its MAX_IMAGE_PIXELS
    # without saying the size; ours, below, is lower, and says it. Builds
    # open pictures one at a time, so the global is safe to set around open.
    pillow_limit, Image.MAX_IMAGE_PIXELS = Image.MAX_IMAGE_PIXELS, None
    try:
        image = Image.open(source, formats=OPENED_AS)
    except Image.UnidentifiedImageError:
        raise PictureRefused(f"{quoted(shown)} is not a JPEG, PNG or WebP picture; save it as one of those") from None
    except Exception as error:  # noqa: BLE001 - a decoder of untrusted bytes raises many kinds of error; each is reported
        raise PictureRefused(_unreadable(shown, error)) from None
    finally:
        Image.MAX_IMAGE_PIXELS = pillow_limit
    width, height = image.size
    if width * height > max_pixels:
        image.close()
        raise PictureRefused(
            f"{quoted(shown)} is {width} × {height} pixels, more than {max_pixels} "
            "(SERVICES_MAX_PICTURE_PIXELS); make it smaller, 2000 pixels wide is plenty"
        )
    try:
        image.load()
    except Exception as error:  # noqa: BLE001 - as above
        image.close()
        raise PictureRefused(_unreadable(shown, error)) from None
    return image


def _unreadable(shown, error):
    return f"{quoted(shown)} cannot be read as a picture ({quoted(type(error).__name__)}); save it again as JPEG, PNG or WebP"


def picture_problem(source, shown, max_pixels=MAX_PIXELS):
    """What is wrong with the picture at `source`, or None; `validate` asks this."""
    try:
        open_picture(source, shown, max_pixels).close()
    except PictureRefused as refused:
        return str(refused)
    return None


def clean_image_bytes(source, shown=None, max_pixels=MAX_PIXELS):
    """The picture at `source`, turned the right way up, with no metadata."""
    with open_picture(source, shown or Path(source).name, max_pixels) as original:
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


def output_names(files):
    """A name for each picture in the service's folder, unique even when two
    pictures in different folders share a name (the later ones get -2, -3)."""
    used, names = set(), []
    for file in files:
        name = Path(file).name
        stem, suffix = Path(name).stem, Path(name).suffix
        count = 1
        while name in used:
            count += 1
            name = f"{stem}-{count}{suffix}"
        used.add(name)
        names.append(name)
    return names


def publish_images(service, providers_dir, output_path, max_pixels=MAX_PIXELS):
    """Fill in `service.images`: its pictures, written beside its page when the page first asks for them."""
    service.images = PublishedPictures(service, providers_dir, output_path, max_pixels)


class PublishedPictures(Sequence):
    """`service.images`, published on first use. Cleaning a picture (decoding it and
    encoding its pixels again) is a tenth of a full build's time; done when
    service.html first asks for the pictures, it happens in the worker process that
    renders the page (localoffer.safe_build.rendering), on every core. Nothing
    else reads `service.images`; whoever does gets the same pictures."""

    def __init__(self, service, providers_dir, output_path, max_pixels):
        self._arguments = (service, providers_dir, output_path, max_pixels)
        self._images = None

    def _published(self):
        if self._images is None:
            self._images = _publish(*self._arguments)
        return self._images

    def __len__(self):
        return len(self._published())

    def __getitem__(self, index):
        return self._published()[index]


def _publish(service, providers_dir, output_path, max_pixels):
    """Write `service`'s pictures beside its page; what its page shows of each."""
    images = []
    names = output_names(picture.file for picture in service.image_sources)
    for picture, name in zip(service.image_sources, names):
        source = Path(providers_dir) / picture.file
        relative = f"{service.url}{name}"
        try:
            data, (width, height) = kept_clean_picture(source, picture.file, max_pixels, _kept_folder(service))
        except (PictureRefused, OSError, ValueError) as error:
            logger.warning("service_directory: %s: picture left out: %s", service.source_path, error)
            continue
        target = Path(output_path) / Path(service.save_as).parent / name
        if not target.is_file() or target.read_bytes() != data:
            write_atomic(target, data)
        images.append(SimpleNamespace(url=relative, alt=picture.alt, width=width, height=height))
    return images


# Cleaned pictures are kept in CACHE_PATH/pictures/, one file a picture, named by the
# digest of the source's bytes, the format it is published as, the pixel limit and the
# cleaning code (this module and Pillow's version): a rebuild, or a second service
# showing the same picture, never decodes and encodes it again. A kept file is data:
# it is published only if Pillow reads its header as the format its name says;
# anything else is cleaned again (and kept again).
KEPT_FOLDER = "pictures"


def kept_clean_picture(source, shown, max_pixels, folder):
    """`clean_image_bytes`, kept in `folder` (None: nothing kept) by what the result depends on."""
    image_format = FORMATS[Path(source).suffix.lower()]
    try:
        with open(source, "rb") as handle:
            source_digest = hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError:
        folder = None  # clean_image_bytes says what is wrong, in its own words
    if folder is None:
        return clean_image_bytes(source, shown, max_pixels)
    kept = Path(folder) / f"{digest(source_digest, image_format, max_pixels, _cleaning_code())}{Path(source).suffix.lower()}"
    try:
        data = kept.read_bytes()
        with Image.open(io.BytesIO(data), formats=(image_format,)) as image:
            return data, image.size
    except Exception:  # noqa: BLE001 - missing, or not what this code wrote: clean the picture again
        pass
    data, size = clean_image_bytes(source, shown, max_pixels)
    try:
        write_atomic(kept, data)  # whole or not at all: two workers may clean the same picture at once
    except OSError:
        pass  # a cache that cannot be written costs time, not pictures
    return data, size


def _kept_folder(service):
    settings = getattr(service, "settings", None) or {}
    if settings.get("SERVICES_CACHE", True) and settings.get("CACHE_PATH"):
        return Path(settings["CACHE_PATH"]) / KEPT_FOLDER
    return None


@functools.cache
def _cleaning_code():
    return digest(Path(__file__).read_bytes(), PIL.__version__)
