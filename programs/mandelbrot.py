"""Mandelbrot set escape counts on a grid, in plain floats (no complex type).

Usage: mandelbrot.py [SIZE] [MAX_ITERATIONS]
"""
import sys
import time


def mandelbrot(size, max_iter):
    total = 0
    rows = []
    for y in range(size):
        ci = 2.0 * y / size - 1.0
        row = 0
        for x in range(size):
            cr = 2.0 * x / size - 1.5
            zr = zi = 0.0
            n = 0
            while n < max_iter and zr * zr + zi * zi <= 4.0:
                zr, zi = zr * zr - zi * zi + cr, 2.0 * zr * zi + ci
                n += 1
            total += n
            if n == max_iter:
                row += 1
        rows.append(row)
    return total, rows


def main(size, max_iter):
    start = time.perf_counter()
    total, rows = mandelbrot(size, max_iter)
    elapsed = time.perf_counter() - start
    print("iterations:", total)
    print("points inside per row (first 8):", rows[:8])
    print("points inside:", sum(rows))
    print("mandelbrot took", elapsed, "seconds")


if __name__ == "__main__":
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 400
    max_iter = int(sys.argv[2]) if len(sys.argv) > 2 else 100
    main(size, max_iter)
