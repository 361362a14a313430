"""Estimating pi by Monte Carlo sampling with a seeded random generator (chapter 9).

Usage: monte_carlo_pi.py [SAMPLES] [SEED]
"""
import random
import sys
import time


def estimate_nbr_points_in_quarter_circle(nbr_estimates):
    nbr_trials_in_quarter_unit_circle = 0
    for _ in range(int(nbr_estimates)):
        x = random.uniform(0, 1)
        y = random.uniform(0, 1)
        is_in_unit_circle = x * x + y * y <= 1.0
        nbr_trials_in_quarter_unit_circle += is_in_unit_circle
    return nbr_trials_in_quarter_unit_circle


def main(samples, seed):
    random.seed(seed)
    start = time.perf_counter()
    inside = estimate_nbr_points_in_quarter_circle(samples)
    elapsed = time.perf_counter() - start
    print("samples:", samples, "inside:", inside)
    print("pi is roughly", 4 * inside / samples)
    print("next random values:", [random.random() for _ in range(3)])
    print("randint:", [random.randint(1, 6) for _ in range(10)])
    print("monte carlo took", elapsed, "seconds")


if __name__ == "__main__":
    samples = int(sys.argv[1]) if len(sys.argv) > 1 else 1000000
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 42
    main(samples, seed)
