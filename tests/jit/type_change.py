# A variable changes type in the middle of a hot loop.


def int_to_float(n, k):
    x = 0
    for i in range(n):
        if i == k:
            x = x + 0.5
        x = x + 1
    return x


def float_to_complex(n, k):
    x = 0.0
    for i in range(n):
        if i == k:
            x = x + 1j
        x = x * 1.0001 + 1.0
    return x


def int_to_bigint(n):
    x = 1
    for i in range(n):
        x = x + x // 2 + 1
    return x % 10**18, x.bit_length()


def loop_var_type(n, k):
    vals = list(range(k)) + [float(i) for i in range(k, n)]
    total = 0
    reprs = []
    for v in vals:
        total = total + v * 2
        if v == k - 1 or v == k:
            reprs.append(repr(total))
    return total, reprs


def loop_var_bool(n, k):
    vals = [i for i in range(k)] + [True, False] * ((n - k) // 2)
    total = 0
    for v in vals:
        total += v
    return total


def alternating(n):
    x = 1
    out = []
    for i in range(n):
        if i % 250 == 0:
            x = float(x)
        elif i % 250 == 100:
            x = int(x)
        elif i % 250 == 200:
            x = complex(x, 0)
        elif i % 250 == 230:
            x = int(x.real)
        x = x + 1
        if i % 250 == 249:
            out.append(repr(x))
    return out


def accumulate_mixed(n):
    acc = 0
    for i in range(n):
        if i < n // 3:
            acc += i
        elif i < 2 * n // 3:
            acc += i * 0.5
        else:
            acc += complex(0, i)
    return acc


def while_type_change(n):
    x = 1
    i = 0
    while i < n:
        x = x * 2
        if i == n // 2:
            x = x / 3
        i += 1
    return x


def str_after_int(n, k):
    parts = []
    x = 0
    for i in range(n):
        if i == k:
            x = "s"
        if isinstance(x, int):
            x = x + 1
        else:
            x = x + "t" if len(x) < 10 else "s"
        if i >= n - 3:
            parts.append(x)
    return parts


print(repr(int_to_float(2000, 1500)))
print(repr(int_to_float(2000, 0)))
print(float_to_complex(2000, 1000))
print(int_to_bigint(1000))
print(loop_var_type(2000, 1200))
print(loop_var_bool(2000, 1000))
print(alternating(2000))
print(accumulate_mixed(3000))
print(repr(while_type_change(1200)))
print(str_after_int(1500, 700))
