"""2D diffusion on a grid of lists (chapter 6): a new grid each step versus double buffering.

Usage: diffusion.py [SIZE] [STEPS]
"""
import sys
import time


def evolve(grid, dt, D=1.0):
    xmax, ymax = len(grid), len(grid[0])
    new_grid = [[0.0] * ymax for _ in range(xmax)]
    for i in range(xmax):
        for j in range(ymax):
            grid_xx = grid[(i + 1) % xmax][j] + grid[(i - 1) % xmax][j] - 2.0 * grid[i][j]
            grid_yy = grid[i][(j + 1) % ymax] + grid[i][(j - 1) % ymax] - 2.0 * grid[i][j]
            new_grid[i][j] = grid[i][j] + D * (grid_xx + grid_yy) * dt
    return new_grid


def evolve_into(grid, next_grid, dt, D=1.0):
    xmax, ymax = len(grid), len(grid[0])
    for i in range(xmax):
        for j in range(ymax):
            grid_xx = grid[(i + 1) % xmax][j] + grid[(i - 1) % xmax][j] - 2.0 * grid[i][j]
            grid_yy = grid[i][(j + 1) % ymax] + grid[i][(j - 1) % ymax] - 2.0 * grid[i][j]
            next_grid[i][j] = grid[i][j] + D * (grid_xx + grid_yy) * dt


def initial(size):
    grid = [[0.0] * size for _ in range(size)]
    lo, hi = int(size * 0.4), int(size * 0.5)
    for i in range(lo, hi):
        for j in range(lo, hi):
            grid[i][j] = 0.005
    return grid


def run_new_grids(size, steps):
    grid = initial(size)
    for _ in range(steps):
        grid = evolve(grid, 0.1)
    return grid


def run_double_buffered(size, steps):
    grid = initial(size)
    next_grid = [[0.0] * size for _ in range(size)]
    for _ in range(steps):
        evolve_into(grid, next_grid, 0.1)
        grid, next_grid = next_grid, grid
    return grid


def main(size, steps):
    t0 = time.perf_counter()
    a = run_new_grids(size, steps)
    t1 = time.perf_counter()
    b = run_double_buffered(size, steps)
    t2 = time.perf_counter()
    total = sum(sum(row) for row in a)
    print(f"grid {size}x{size}, {steps} steps")
    print(f"total heat: {total:.12f}")
    print("centre value:", a[size // 2 - 1][size // 2 - 1])
    print("both methods agree:", a == b)
    print("new grids took", t1 - t0, "seconds")
    print("double buffering took", t2 - t1, "seconds")


if __name__ == "__main__":
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 128
    steps = int(sys.argv[2]) if len(sys.argv) > 2 else 60
    main(size, steps)
