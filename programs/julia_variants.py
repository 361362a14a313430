"""The chapter-2 Julia set kernel in the variants the book times against each other:
the loop condition swapped, `while True` with `break`, the complex arithmetic expanded into
floats with `.real`/`.imag` and `< 4`, a timing decorator, and the no-op `@profile` idiom.

Usage: julia_variants.py [WIDTH] [MAX_ITERATIONS]
"""
import sys
import time
from functools import wraps

try:
    profile
except NameError:
    def profile(func):
        """No-op stand-in so the file also runs without kernprof or `pyvm profile`."""
        return func

x1, x2, y1, y2 = -1.8, 1.8, -1.8, 1.8
c_real, c_imag = -0.62772, -0.42193


def timefn(fn):
    @wraps(fn)
    def measure_time(*args, **kwargs):
        t1 = time.time()
        result = fn(*args, **kwargs)
        t2 = time.time()
        print(f"@timefn: {fn.__name__} took {t2 - t1} seconds")
        return result

    return measure_time


@timefn
def calculate_z_serial_purepython(maxiter, zs, cs):
    output = [0] * len(zs)
    for i in range(len(zs)):
        n = 0
        z = zs[i]
        c = cs[i]
        while abs(z) < 2 and n < maxiter:
            z = z * z + c
            n += 1
        output[i] = n
    return output


@timefn
def calculate_z_swapped(maxiter, zs, cs):
    output = [0] * len(zs)
    for i in range(len(zs)):
        n = 0
        z = zs[i]
        c = cs[i]
        while n < maxiter and abs(z) < 2:
            z = z * z + c
            n += 1
        output[i] = n
    return output


@timefn
def calculate_z_while_true(maxiter, zs, cs):
    output = [0] * len(zs)
    for i in range(len(zs)):
        n = 0
        z = zs[i]
        c = cs[i]
        while True:
            if not (n < maxiter and abs(z) < 2):
                break
            z = z * z + c
            n += 1
        output[i] = n
    return output


@timefn
@profile
def calculate_z_expanded(maxiter, zs, cs):
    output = [0] * len(zs)
    for i in range(len(zs)):
        n = 0
        z = zs[i]
        c = cs[i]
        zr, zi = z.real, z.imag
        cr, ci = c.real, c.imag
        while n < maxiter and zr * zr + zi * zi < 4:
            zr, zi = zr * zr - zi * zi + cr, 2 * zr * zi + ci
            n += 1
        output[i] = n
    return output


def build(desired_width):
    x_step = (x2 - x1) / desired_width
    y_step = (y1 - y2) / desired_width
    x, y = [], []
    ycoord = y2
    while ycoord > y1:
        y.append(ycoord)
        ycoord += y_step
    xcoord = x1
    while xcoord < x2:
        x.append(xcoord)
        xcoord += x_step
    zs, cs = [], []
    for ycoord in y:
        for xcoord in x:
            zs.append(complex(xcoord, ycoord))
            cs.append(complex(c_real, c_imag))
    return zs, cs


def main(width, iterations):
    zs, cs = build(width)
    print("Total elements:", len(zs))
    results = {}
    for fn in (calculate_z_serial_purepython, calculate_z_swapped,
               calculate_z_while_true, calculate_z_expanded):
        results[fn.__name__] = fn(iterations, zs, cs)
    for name, output in results.items():
        print(f"{name}: sum={sum(output)} max={max(output)}")
    baseline = results["calculate_z_serial_purepython"]
    print("all variants agree:", all(r == baseline for r in results.values()))


if __name__ == "__main__":
    width = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    iterations = int(sys.argv[2]) if len(sys.argv) > 2 else 300
    main(width, iterations)
