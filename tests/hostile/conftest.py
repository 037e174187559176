"""The hostile corpus: provider files an attacker could send by pull request.

Small files are committed in fixtures/; large ones are made by `make_*` here.
Builds run the real `pelican` with a memory limit (RLIMIT_AS) and a time
limit, so a regression fails the test instead of eating the machine.
"""

import json
import resource
import struct
import subprocess
import zlib
from pathlib import Path

from tests.conftest import BUILD_DATE, PELICAN, ROOT

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"
GOOD = ["highcombe-youth-club", "northmoor-send-advice-line", "riverside-speech-dropin"]
BASE = (ROOT / "providers" / "highcombe-youth-club.yaml").read_text(encoding="utf-8")
MEMORY_LIMIT = 1536 * 1024 * 1024  # far above a build of a few providers (about 300 MB), far below a bomb
TIME_LIMIT = 300


def provider_text(service_id, *changes):
    """A good provider file (the sample youth club) with id `service_id` and each (old, new) change made."""
    text = BASE.replace("id: highcombe-youth-club", f"id: {service_id}")
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


def good_providers(folder):
    """A providers/ folder holding three sample providers that must always be published."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "images").mkdir(exist_ok=True)
    for name in GOOD:
        (folder / f"{name}.yaml").write_bytes((ROOT / "providers" / f"{name}.yaml").read_bytes())
    picture = "riverside-playroom.jpg"
    (folder / "images" / picture).write_bytes((ROOT / "providers" / "images" / picture).read_bytes())
    return folder


def limit_resources():
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def pelican_command(providers, output, settings_file="pelicanconf.py", **overrides):
    values = {
        "PROVIDERS_PATH": str(providers), "OUTPUT_PATH": str(output),
        "CACHE_PATH": str(Path(output).parent / "cache"), "SERVICES_BUILD_DATE": BUILD_DATE, **overrides,
    }
    return [str(PELICAN), "content", "-s", settings_file, "-e", *(f"{key}={json.dumps(value)}" for key, value in values.items())]


ENV = {"PATH": "/usr/bin:/bin", "COLUMNS": "500", "TERM": "dumb"}


def bounded_build(providers, output, settings_file="pelicanconf.py", **overrides):
    """A real build under the memory and time limits; stdout and stderr together in `.stdout`."""
    return subprocess.run(
        pelican_command(providers, output, settings_file, **overrides), cwd=ROOT, stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT, text=True, env=ENV, preexec_fn=limit_resources, timeout=TIME_LIMIT,
    )


def start_build(providers, output, settings_file="pelicanconf.py", **overrides):
    return subprocess.Popen(
        pelican_command(providers, output, settings_file, **overrides), cwd=ROOT, stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT, text=True, env=ENV, preexec_fn=limit_resources,
    )


def snapshot(output):
    return {path.relative_to(output).as_posix(): path.read_bytes() for path in sorted(Path(output).rglob("*")) if path.is_file()}


# --- large files, made when needed ------------------------------------------------

def make_anchor_bomb(path):
    """About 200 KB of anchors and aliases: few lines, a huge tree."""
    lines = ["template_version: 1", "id: anchor-bomb", "x: &x [" + ", ".join(["lol"] * 20) + "]"]
    lines += [f"k{index}: [" + ", ".join(["*x"] * 60) + "]" for index in range(840)]
    path.write_text("\n".join(lines) + "\n")


def make_big_value(path, size=1024 * 1024):
    """A provider file whose `free:` is a megabyte of `m`."""
    path.write_text(provider_text(path.stem, ("    free: no", "    free: " + "m" * size)))


def make_many_keys(path, count=200_000):
    path.write_text("template_version: 1\nid: many-keys\n" + "".join(f"key{index}: value\n" for index in range(count)))


def png_claiming(width, height):
    """A PNG header claiming `width` × `height` grey pixels, with a few bytes of compressed data."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 1024)) + chunk(b"IEND", b"")


def picture_bytes(image_format, colour=(200, 30, 30), size=(8, 8)):
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, image_format)
    return buffer.getvalue()


EPS = b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 8 8\nnewpath 0 0 moveto 8 8 lineto stroke\nshowpage\n"
