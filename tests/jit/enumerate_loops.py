# `for i, x in enumerate(list)` in hot loops: the loop's own enumerate and one a path makes,
# nested, with a start, shared with a variable, the list changing while it is enumerated,
# break and else, a comprehension, items of changing types, a count past 2**63.
import sys


def indexed_sum(xs):
    total = 0.0
    for i, x in enumerate(xs):
        total += i * x
    return total


def sieve_primes(limit):
    is_prime = [True] * (limit + 1)
    is_prime[0] = is_prime[1] = False
    for i in range(2, int(limit**0.5) + 1):
        if is_prime[i]:
            for multiple in range(i * i, limit + 1, i):
                is_prime[multiple] = False
    return [i for i, p in enumerate(is_prime) if p]


def grid_total(grid):
    total = 0
    for i, row in enumerate(grid):
        for j, v in enumerate(row):
            total += (i + 1) * (j + 2) * v
    return total


def with_start(xs):
    out = []
    for i, x in enumerate(xs, 10):
        out.append(i - x)
    return out[-3:]


def shared(xs):
    it = enumerate(xs)
    firsts = []
    for i, x in it:
        if x > 50:
            break
        firsts.append(i)
    rest = [pair for pair in it]
    return len(firsts), rest[:2], next(it, "done")


def find(xs, wanted):
    for i, x in enumerate(xs):
        if x == wanted:
            return i
    else:
        return -1


def grows(n):
    xs = [1, 2, 3]
    seen = 0
    for i, x in enumerate(xs):
        if i < n:
            xs.append(x + i)
        seen += 1
    return seen, xs[-1]


def shrinks(n):
    xs = list(range(n))
    seen = []
    for i, x in enumerate(xs):
        if i % 10 == 9:
            del xs[:3]
        seen.append(x)
    return len(seen), seen[-3:]


def mixed_items(n):
    xs = [k if k % 3 else k * 0.5 for k in range(n)] + ["end"]
    kinds = []
    for i, x in enumerate(xs):
        kinds.append(type(x).__name__[0] if i % 50 == 0 or i == n else "")
    return "".join(kinds)


def big_count(xs):
    last = None
    for i, x in enumerate(xs, sys.maxsize - 100):
        last = i + x
    return last


def not_unpacked(xs):
    pairs = []
    for pair in enumerate(xs):
        pairs.append(pair)
    return pairs[-2:]


print(indexed_sum([k * 0.25 for k in range(500)]))
primes = sieve_primes(5000)
print(len(primes), primes[-3:])
print(grid_total([[k % 7 for k in range(r, r + 30)] for r in range(40)]))
print(with_start(list(range(300))))
print(shared(list(range(100))))
print(find(list(range(400)), 333), find(list(range(400)), -5))
print(grows(200))
print(shrinks(400))
print(mixed_items(400))
print(big_count(list(range(300))))
print(not_unpacked(["a", "b", "c"] * 100))
