"""A Morris counter (chapter 11): counting to large numbers in one byte of state by
incrementing the exponent with probability 2**-exponent.

Usage: morris_counter.py [EVENTS] [SEED]
"""
import math
import random
import sys
import time


class MorrisCounter:
    counter = 0

    def add(self, *args):
        if random.random() < 1.0 / (2 ** self.counter):
            self.counter += 1

    def __len__(self):
        return 2 ** self.counter

    def __repr__(self):
        return f"MorrisCounter(exponent={self.counter}, estimate={len(self)})"


def main(events, seed):
    random.seed(seed)
    counters = [MorrisCounter() for _ in range(8)]
    start = time.perf_counter()
    checkpoints = []
    for i in range(1, events + 1):
        for c in counters:
            c.add()
        if i in (10, 1000, 100000, events):
            checkpoints.append((i, [len(c) for c in counters]))
    elapsed = time.perf_counter() - start
    for i, estimates in checkpoints:
        mean = sum(estimates) / len(estimates)
        print(f"after {i} events: estimates {estimates} mean {mean:.1f} log2 {math.log2(mean):.2f}")
    print(counters[0])
    print("morris counter took", elapsed, "seconds")


if __name__ == "__main__":
    events = int(sys.argv[1]) if len(sys.argv) > 1 else 300000
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 7
    main(events, seed)
