# Nested loops whose compiled paths end by entering another loop's compiled tree: an outer
# loop's trace reaching the inner loop's header, an inner loop's side trace going around the
# outer loop into the outer loop's tree. Runs of cells that skip the inner loop alternate with
# runs of cells that iterate it, types change under the linked trees, and the inner loop
# breaks out.


def grid(width):
    zs = []
    step = 3.6 / width
    for row in range(width):
        for col in range(width):
            zs.append(complex(-1.8 + col * step, 1.8 - row * step))
    return zs


def escape_counts(zs, c, maxiter):
    # As julia.py: corner cells escape before the inner loop runs at all.
    out = [0] * len(zs)
    for i in range(len(zs)):
        n = 0
        z = zs[i]
        while abs(z) < 2 and n < maxiter:
            z = z * z + c
            n += 1
        out[i] = n
    return out


def runs(values, limit):
    # The inner loop skipped on every third value; its counter an int, then (past half way)
    # a float, so the inner tree no longer accepts what the outer path hands it.
    total = 0
    half = len(values) // 2
    for k in range(len(values)):
        j = values[k] % 7
        if k % 3 == 0:
            j = 0
        if k > half:
            j = j * 1.0
        while j > 0:
            total += j * k
            j -= 1
            if total > limit:
                total -= limit
                break
    return total


def outer_while(n):
    # A while loop around a for loop around a while loop.
    i = 0
    acc = []
    while i < n:
        s = 0
        for j in range(i % 5):
            m = j
            while m < 4:
                s += m * i
                m += 1
        acc.append(s)
        i += 1
    return sum(acc), acc[-5:]


counts = escape_counts(grid(60), complex(-0.62772, -0.42193), 40)
print(sum(counts), counts[:12], counts[1790:1802], max(counts), counts.count(0))
print(runs(counts, 10 ** 6))
print(runs([3, 8, 1, 0, 5] * 400, 5000))
print(outer_while(900))
