# Integers growing past 2**63 inside hot loops, and floor division / modulo edge cases.


def grow_mul(n):
    x = 1
    out = []
    for i in range(n):
        x = x * 3
        if i % 97 == 0:
            out.append(x)
    return x, out


def grow_add(n, big):
    x = 0
    for i in range(n):
        x += big
    return x


def grow_neg(n):
    x = -1
    for i in range(n):
        x = x * 2 - 1
    return x


def near_limit(n):
    x = 2**63 - 1000
    seen = []
    for i in range(n):
        x += 1
        if x >= 2**63 - 2:
            seen.append(x)
    return x, seen[:5], len(seen)


def neg_limit(n):
    x = -(2**63) + 1000
    for i in range(n):
        x -= 1
    return x


def negate_min(n):
    vals = [0, 1, -1, 2**62, -(2**63), 2**63 - 1, -(2**63) + 1]
    acc = []
    for i in range(n):
        v = vals[i % len(vals)]
        a = -v
        b = abs(v)
        if i >= n - len(vals):
            acc.append((a, b))
    return acc


def mul_overflow(n):
    x = 3037000499  # floor(sqrt(2**63 - 1))
    total = 0
    for i in range(n):
        y = x + (i % 3)
        total += y * y
    return total


def divmod_loop(n):
    pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 5), (5, 0), (-(2**63), -1), (2**63 - 1, -1),
             (-1, 2**63), (13, -13)]
    q_sum = 0
    r_sum = 0
    errors = 0
    last = []
    for i in range(n):
        a, b = pairs[i % len(pairs)]
        try:
            q = a // b
            r = a % b
            q_sum += q
            r_sum += r
            if i >= n - len(pairs):
                last.append((a, b, q, r))
        except ZeroDivisionError as e:
            errors += 1
            if i >= n - len(pairs):
                last.append((a, b, str(e)))
    return q_sum, r_sum, errors, last


def shift_loop(n):
    x = 1
    for i in range(n):
        x = (x << 1) | (i & 1)
    return x.bit_length(), x % 1000003


def sub_wrap(n):
    a = 2**62
    s = 0
    for i in range(n):
        s = s - a
    return s


def step_past_limit(n, step):
    x = 0
    for i in range(n):
        x += step
    return x


def intermediate_overflow(n):
    m = 2**62 + 135
    x = 12345
    y = 987654321
    for i in range(n):
        x = (x * 3) % m
        y = (y * y + 1) % m
    return x, y


def neg_intermediate(n):
    x = -(2**61)
    out = 0
    for i in range(n):
        t = x * 4 + i
        out = (out + t // 8) % 1000000007
        x = x - 1
    return out


def mul_grows_late(n):
    x = 1
    count = 0
    for i in range(n):
        if i % 16 == 0:
            x = x * 2
        count += 1
    return x, count


def neg_abs_late(n):
    x = -(2**63) + n
    out = []
    for i in range(n + 3):
        x -= 1
        a = -x
        b = abs(x)
        if i >= n - 2:
            out.append((x, a, b))
    return out


x, samples = grow_mul(1200)
print(x % 10**20, x.bit_length(), [s % 1000007 for s in samples])
print(grow_add(3000, 2**62))
print(grow_add(3000, -(2**62)))
print(grow_add(2000, 4611686018427387904 * 2))
print(grow_neg(200) % 10**12, grow_neg(200).bit_length())
print(near_limit(2000))
print(neg_limit(3000))
print(negate_min(1400))
print(mul_overflow(3000))
print(divmod_loop(2000))
print(shift_loop(1500))
print(sub_wrap(5000))
print(step_past_limit(3000, 2**53), step_past_limit(3000, -(2**53)))
print(intermediate_overflow(2000))
print(neg_intermediate(2000))
print(mul_grows_late(1500))
print(neg_abs_late(1200))

# The same at module level.
m = 1
for i in range(1000):
    m = m * 7 + i
print(m % 10**15, m.bit_length())
