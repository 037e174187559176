"""Draw the sample service pictures used by the provider files in providers/.

Friendly flat illustrations drawn with Pillow. The output is deterministic:
fixed random seeds, no timestamps and no metadata, so running the script twice
gives byte-identical files. Run from the repository root:

    .venv/bin/python tools/draw_sample_images.py
"""

from __future__ import annotations

import random
from pathlib import Path

from PIL import Image, ImageDraw

WIDTH, HEIGHT = 800, 500
OUT = Path(__file__).resolve().parent.parent / "providers" / "images"

# A small, soft palette shared by every picture.
SKY = (206, 231, 245)
GRASS = (137, 196, 110)
WALL = (246, 239, 226)
FLOOR = (214, 190, 160)
NAVY = (40, 56, 88)
WHITE = (255, 255, 255)
YELLOW = (255, 210, 90)
ORANGE = (245, 150, 80)
RED = (226, 92, 92)
GREEN = (80, 160, 110)
TEAL = (64, 170, 170)
BLUE = (84, 132, 206)
PURPLE = (150, 110, 190)
PINK = (240, 160, 190)
BROWN = (150, 105, 70)
GREY = (170, 176, 186)


def new(background):
    image = Image.new("RGB", (WIDTH, HEIGHT), background)
    return image, ImageDraw.Draw(image)


def person(draw, x, y, scale=1.0, shirt=BLUE, skin=(230, 185, 150)):
    """A simple standing figure whose feet are at (x, y)."""
    s = scale
    draw.rectangle([x - 12 * s, y - 50 * s, x - 3 * s, y], fill=NAVY)
    draw.rectangle([x + 3 * s, y - 50 * s, x + 12 * s, y], fill=NAVY)
    draw.rounded_rectangle([x - 18 * s, y - 105 * s, x + 18 * s, y - 45 * s], radius=int(10 * s), fill=shirt)
    draw.ellipse([x - 16 * s, y - 140 * s, x + 16 * s, y - 108 * s], fill=skin)


def sensory_room():
    image, d = new((58, 52, 96))
    d.rectangle([0, 360, WIDTH, HEIGHT], fill=(92, 84, 140))
    rng = random.Random(1)
    # fibre-optic strands falling from the ceiling
    for i in range(40):
        x = 470 + i * 6
        colour = rng.choice([PINK, YELLOW, TEAL, PURPLE, WHITE])
        end = 300 + rng.randint(0, 40)
        d.line([(560, 40), (x, end)], fill=colour, width=2)
        d.ellipse([x - 4, end - 4, x + 4, end + 4], fill=colour)
    # stars on the ceiling
    for _ in range(35):
        x, y = rng.randint(0, WIDTH), rng.randint(0, 200)
        d.ellipse([x - 2, y - 2, x + 2, y + 2], fill=YELLOW)
    # bubble tube
    d.rounded_rectangle([120, 60, 190, 380], radius=30, fill=(110, 200, 230))
    for _ in range(18):
        x, y, r = rng.randint(130, 175), rng.randint(80, 360), rng.randint(4, 10)
        d.ellipse([x - r, y - r, x + r, y + r], outline=WHITE, width=2)
    d.rectangle([105, 375, 205, 400], fill=GREY)
    # soft mats and a beanbag
    d.rounded_rectangle([240, 390, 700, 460], radius=14, fill=TEAL)
    d.rounded_rectangle([250, 380, 470, 420], radius=14, fill=PINK)
    d.ellipse([560, 330, 700, 430], fill=ORANGE)
    d.ellipse([585, 320, 675, 370], fill=(250, 175, 110))
    # a glowing ball on the mat
    d.ellipse([380, 330, 440, 390], fill=YELLOW)
    return image


def classroom():
    image, d = new(WALL)
    d.rectangle([0, 380, WIDTH, HEIGHT], fill=FLOOR)
    # window
    d.rectangle([520, 60, 740, 230], fill=SKY, outline=WHITE, width=8)
    d.line([(630, 60), (630, 230)], fill=WHITE, width=6)
    # visual timetable: a column of picture cards
    d.rectangle([60, 50, 160, 330], fill=WHITE, outline=NAVY, width=3)
    for i, colour in enumerate([YELLOW, GREEN, RED, BLUE, PURPLE]):
        d.rounded_rectangle([75, 62 + i * 53, 145, 106 + i * 53], radius=6, fill=colour)
    # whiteboard
    d.rectangle([200, 60, 470, 210], fill=WHITE, outline=GREY, width=6)
    d.line([(230, 110), (420, 110)], fill=BLUE, width=5)
    d.line([(230, 150), (360, 150)], fill=GREEN, width=5)
    # tables and chairs
    for x in (230, 470):
        d.rectangle([x, 330, x + 180, 345], fill=BROWN)
        d.rectangle([x + 10, 345, x + 20, 410], fill=BROWN)
        d.rectangle([x + 160, 345, x + 170, 410], fill=BROWN)
        d.rectangle([x + 40, 360, x + 80, 372], fill=ORANGE)
        d.rectangle([x + 110, 360, x + 150, 372], fill=TEAL)
        d.rectangle([x + 60, 318, x + 110, 330], fill=WHITE)
    # reading corner with cushions
    d.ellipse([40, 400, 150, 470], fill=PINK)
    d.ellipse([120, 410, 220, 475], fill=YELLOW)
    d.rectangle([30, 340, 60, 470], fill=BROWN)
    return image


def playground():
    image, d = new(SKY)
    d.rectangle([0, 330, WIDTH, HEIGHT], fill=GRASS)
    d.ellipse([620, 40, 700, 120], fill=YELLOW)
    # tree
    d.rectangle([90, 200, 120, 350], fill=BROWN)
    d.ellipse([30, 100, 180, 240], fill=GREEN)
    # slide
    d.rectangle([260, 180, 270, 360], fill=GREY)
    d.rectangle([330, 180, 340, 360], fill=GREY)
    for y in range(200, 360, 30):
        d.line([(260, y), (340, y)], fill=GREY, width=5)
    d.rectangle([255, 170, 345, 185], fill=RED)
    d.polygon([(340, 175), (360, 175), (500, 355), (470, 360)], fill=GREEN)
    # sandpit
    d.rounded_rectangle([520, 360, 730, 440], radius=12, fill=BROWN)
    d.rounded_rectangle([532, 370, 718, 430], radius=10, fill=(238, 214, 150))
    d.polygon([(600, 400), (625, 380), (650, 400)], fill=ORANGE)
    # play house
    d.rectangle([560, 220, 680, 330], fill=(230, 190, 140))
    d.polygon([(545, 225), (620, 160), (695, 225)], fill=RED)
    d.rectangle([605, 270, 635, 330], fill=BLUE)
    return image


def minibus():
    image, d = new(SKY)
    d.rectangle([0, 360, WIDTH, HEIGHT], fill=(110, 110, 120))
    for x in range(0, WIDTH, 120):
        d.rectangle([x + 20, 425, x + 80, 435], fill=WHITE)
    d.rectangle([0, 330, WIDTH, 360], fill=GRASS)
    # the bus body
    d.rounded_rectangle([120, 170, 660, 380], radius=30, fill=YELLOW)
    d.polygon([(600, 175), (700, 260), (700, 380), (600, 380)], fill=YELLOW)
    d.polygon([(610, 195), (685, 262), (610, 262)], fill=SKY)
    for x in range(160, 560, 100):
        d.rounded_rectangle([x, 200, x + 80, 262], radius=8, fill=SKY)
    d.rectangle([120, 290, 700, 305], fill=BLUE)
    # wheelchair lift at the back
    d.rectangle([60, 300, 125, 380], fill=GREY)
    d.ellipse([75, 315, 95, 335], outline=WHITE, width=3)
    d.line([(85, 335), (85, 355)], fill=WHITE, width=3)
    # wheels
    for x in (230, 560):
        d.ellipse([x - 45, 340, x + 45, 430], fill=NAVY)
        d.ellipse([x - 18, 367, x + 18, 403], fill=GREY)
    d.ellipse([690, 320, 710, 340], fill=ORANGE)
    return image


def swimming_pool():
    image, d = new((220, 236, 240))
    d.rectangle([0, 0, WIDTH, 140], fill=(190, 220, 232))
    d.rectangle([0, 200, WIDTH, HEIGHT], fill=(230, 226, 214))
    d.rectangle([40, 220, 760, 470], fill=(70, 170, 220))
    rng = random.Random(2)
    for _ in range(60):
        x, y = rng.randint(50, 740), rng.randint(230, 460)
        d.arc([x, y, x + 40, y + 14], 200, 340, fill=(150, 215, 240), width=3)
    # lane ropes
    for y in (300, 390):
        for x in range(45, 760, 22):
            d.ellipse([x, y - 6, x + 12, y + 6], fill=RED if (x // 22) % 2 else WHITE)
    # steps and hand rail
    d.rectangle([660, 200, 740, 240], fill=GREY)
    d.arc([670, 150, 730, 250], 180, 360, fill=NAVY, width=6)
    # floats
    d.rounded_rectangle([160, 250, 240, 275], radius=10, fill=YELLOW)
    d.ellipse([420, 330, 480, 370], fill=PINK)
    d.ellipse([438, 342, 462, 358], fill=(70, 170, 220))
    # a pool hoist
    d.rectangle([90, 90, 102, 220], fill=GREY)
    d.line([(96, 95), (170, 95)], fill=GREY, width=10)
    d.line([(165, 95), (165, 160)], fill=NAVY, width=3)
    d.rounded_rectangle([140, 160, 190, 185], radius=6, fill=BLUE)
    return image


def garden():
    image, d = new(SKY)
    d.rectangle([0, 300, WIDTH, HEIGHT], fill=GRASS)
    # the house
    d.rectangle([430, 130, 760, 320], fill=(235, 214, 190))
    d.polygon([(410, 140), (595, 40), (780, 140)], fill=(170, 90, 80))
    for x in (470, 650):
        d.rectangle([x, 170, x + 70, 230], fill=SKY, outline=WHITE, width=5)
    d.rectangle([565, 230, 625, 320], fill=GREEN)
    d.polygon([(520, 320), (670, 320), (700, 345), (490, 345)], fill=GREY)
    # flower beds raised to wheelchair height
    d.rectangle([40, 300, 340, 360], fill=BROWN)
    rng = random.Random(3)
    for i in range(14):
        x = 55 + i * 20
        h = rng.randint(20, 45)
        d.line([(x, 300), (x, 300 - h)], fill=GREEN, width=3)
        d.ellipse([x - 8, 292 - h, x + 8, 308 - h], fill=rng.choice([RED, YELLOW, PINK, PURPLE]))
    # a swing seat and a path
    d.polygon([(300, HEIGHT), (420, HEIGHT), (560, 345), (520, 345)], fill=(225, 215, 195))
    # a swing frame with a wide seat, on the lawn in front of the flower bed
    d.line([(70, 480), (95, 390)], fill=BROWN, width=7)
    d.line([(245, 480), (220, 390)], fill=BROWN, width=7)
    d.line([(90, 390), (225, 390)], fill=BROWN, width=8)
    d.line([(125, 392), (125, 445)], fill=NAVY, width=3)
    d.line([(190, 392), (190, 445)], fill=NAVY, width=3)
    d.rounded_rectangle([112, 445, 203, 460], radius=4, fill=ORANGE)
    return image


PICTURES = {
    "sensory-room.png": sensory_room,
    "classroom.png": classroom,
    "playground.png": playground,
    "minibus.png": minibus,
    "swimming-pool.png": swimming_pool,
    "garden.png": garden,
}


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for name, draw in PICTURES.items():
        image = draw()
        # A 64-colour palette keeps the flat pictures small.
        image = image.quantize(colors=64, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
        path = OUT / name
        image.save(path, optimize=True)
        print(f"{path.relative_to(OUT.parent.parent)}: {path.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
