# Additions and subtractions whose overflow check the JIT drops because a guard before them
# bounds the operand (`k < n` before `k += 1`), next to ones that keep the check because the
# bound leaves no room; near the ends of the 64-bit range the results turn into big ints
# exactly as without the JIT.
M = 2**63 - 1


def count_up(k, n, step):
    while k < n:
        k += step
    return k


def count_up_le(k, n):
    while k <= n:
        k += 1
    return k


def count_down(k, n):
    while k > n:
        k -= 1
    return k


def count_down_ge(k, n):
    while k >= n:
        k = k - 1
    return k


def const_bounds():
    out = []
    k = M - 200
    while k < 9223372036854775807:
        k = 1 + k
    out.append(k)
    k = M - 200
    while k < 9223372036854775807:
        k += 3
    out.append(k)
    k = -M + 150
    while k > -9223372036854775808:
        k -= 1
    out.append(k)
    k = 0
    while not k >= 100:
        k += 1
    out.append(k)
    return out


def saturating(n, top, k):
    # The guard `k < top` comes before `k += 1` in the same iteration: no overflow check.
    hits = 0
    for i in range(n):
        if k < top:
            k += 1
        else:
            hits += 1
        if -5 < i:
            hits = hits - 1 + 1
    return k, hits


def two_sided(n, k):
    for i in range(n):
        if k >= -9223372036854775807:
            k = k - 1
        if 9223372036854775806 > k:
            k = k + 2
    return k


print(saturating(1000, 500, 0), saturating(300, M, M - 100), saturating(50, M, M))
print(two_sided(400, 0), two_sided(400, -M + 3), two_sided(400, M - 500))
print(count_up(0, 1000, 1), count_up(M - 300, M, 1), count_up(M - 300, M, 2))
print(count_up(M - 300, M, 7), count_up(-5, 5, 1))
print(count_up_le(M - 300, M), count_up_le(0, 500))
print(count_down(-M + 300, -M - 1), count_down(100, -100))
print(count_down_ge(-M + 300, -M - 1), count_down_ge(300, 7))
print(const_bounds())
