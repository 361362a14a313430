# Nested loops, loops in generators and in functions called from loops, unusual ranges.


def for_in_for(n, m):
    s = 0
    for i in range(n):
        for j in range(m):
            s += i * j - j
    return s


def while_in_for(n):
    s = 0
    for i in range(n):
        j = i % 13
        while j > 0:
            s += j
            j -= 2
    return s


def break_inner(n, m):
    s = 0
    breaks = 0
    for i in range(n):
        for j in range(m):
            if j * i > 500:
                breaks += 1
                break
            s += j
        else:
            s += 1000
    return s, breaks


def continue_outer(n):
    s = 0
    for i in range(n):
        for j in range(10):
            if (i + j) % 7 == 0:
                break
        else:
            continue
        s += i
    return s


def gen(n):
    i = 0
    while i < n:
        yield i * i
        i += 1


def gen_for(lst):
    for x in lst:
        if x % 3:
            yield x * 0.5


def consume_gens(n):
    s = 0
    for v in gen(n):
        s += v
    t = 0.0
    for v in gen_for(list(range(n))):
        t += v
    return s, repr(t), sum(gen(100))


def inner_sum(k):
    t = 0
    for j in range(k):
        t += j
    return t


def calls_from_loop(n):
    s = 0
    for i in range(n):
        s += inner_sum(i % 40)
    return s


def negative_steps(n):
    s = 0
    count = 0
    for i in range(n, -n, -3):
        s += i
        count += 1
    last = None
    for i in range(10, 0, -1):
        last = i
    return s, count, last


def empty_ranges(n):
    count = 0
    for k in range(n):
        for i in range(k, k):
            count += 1
        for i in range(5, 0):
            count += 100
        for i in range(0, 5, -1):
            count += 1000
    return count


def huge_ranges(n):
    big = 2**63
    s = 0
    out = []
    for i in range(big - n, big + n):
        s += i - big
        if i == big - 1 or i == big:
            out.append(i)
    r = range(-big - 5, -big + n)
    t = 0
    for i in r:
        t += i
    return s, out, t, len(range(big - n, big + n, 7))


def range_near_limit(n):
    lo = 2**63 - 1 - n
    s = 0
    last = None
    for i in range(lo, 2**63 - 1):
        s += 1
        last = i
    return s, last


def triangle(n):
    s = 0
    for i in range(n):
        for j in range(i):
            if j > 30:
                break
            s += 1
    return s


def matrix(n):
    a = [[float(i * n + j) for j in range(n)] for i in range(n)]
    b = [[float(i == j) for j in range(n)] for i in range(n)]
    c = [[0.0] * n for _ in range(n)]
    for i in range(n):
        for j in range(n):
            acc = 0.0
            for k in range(n):
                acc += a[i][k] * b[k][j]
            c[i][j] = acc
    return c == a, repr(c[n - 1][n - 1])


def deep(n):
    s = 0
    for a in range(n):
        for b in range(3):
            for c in range(3):
                i = 0
                while i < 3:
                    s += a ^ b ^ c ^ i
                    i += 1
    return s


print(for_in_for(60, 50))
print(while_in_for(2000))
print(break_inner(200, 40))
print(continue_outer(2000))
print(consume_gens(1500))
print(calls_from_loop(1000))
print(negative_steps(1500))
print(empty_ranges(1500))
print(huge_ranges(1000))
print(range_near_limit(1500))
print(triangle(200))
print(matrix(14))
print(deep(120))

total = 0
for i in range(40):
    for j in range(40):
        total += i * j
print(total)
