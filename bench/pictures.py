"""A few small pictures for synthetic provider files, drawn from the seed.

Real directories reuse a handful of photographs across many services; the
benchmarks need pictures to copy and re-encode, not many different ones.
"""

from PIL import Image, ImageDraw

COUNT = 4
SIZE = (320, 240)


def write_pictures(folder, rng):
    """Write COUNT PNG pictures into `folder`; returns their file names."""
    folder.mkdir(parents=True, exist_ok=True)
    names = []
    for number in range(1, COUNT + 1):
        background = tuple(rng.randrange(256) for _ in range(3))
        picture = Image.new("RGB", SIZE, background)
        draw = ImageDraw.Draw(picture)
        for _ in range(12):
            left, top = rng.randrange(SIZE[0]), rng.randrange(SIZE[1])
            box = (left, top, left + rng.randint(10, 120), top + rng.randint(10, 90))
            colour = tuple(rng.randrange(256) for _ in range(3))
            (draw.ellipse if rng.random() < 0.5 else draw.rectangle)(box, fill=colour)
        name = f"picture-{number}.png"
        picture.save(folder / name, format="PNG", optimize=False)
        names.append(name)
    return names
