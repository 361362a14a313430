# Float summation order is preserved: no reassociation, no fused multiply-add.


def big_plus_ones(n):
    s = 1e16
    for i in range(n):
        s += 1.0
    return repr(s)


def ones_plus_big(n):
    s = 0.0
    for i in range(n):
        s += 1.0
    s += 1e16
    return repr(s)


def alternating(n):
    s = 0.0
    for i in range(n):
        if i % 2:
            s += 1e16
        else:
            s += 1.0
    return repr(s)


def alternating_sign(n):
    s = 0.0
    for i in range(n):
        s += 1e16 if i % 2 == 0 else -1e16
        s += 0.5
    return repr(s)


def tenths(n):
    s = 0.0
    for i in range(n):
        s += 0.1
    return repr(s)


def two_accumulators(n):
    a = 0.0
    b = 0.0
    for i in range(n):
        x = 1.0 / (i + 1)
        a = a + x
        b = x + b
    return repr(a), repr(b), a == b


def expression_order(n):
    s = 0.0
    t = 0.0
    for i in range(n):
        x = float(i) * 1e-3
        s += (x + 1e16) - 1e16
        t += x + (1e16 - 1e16)
    return repr(s), repr(t)


def mul_add(n):
    acc = 0.0
    for i in range(n):
        x = 0.1 * (i % 10) + 1e-8
        acc = acc * 0.999 + x * x
    return repr(acc)


def kahan(n):
    s = 0.0
    c = 0.0
    for i in range(n):
        y = 0.1 - c
        t = s + y
        c = (t - s) - y
        s = t
    return repr(s), repr(c)


def sum_list(lst):
    s = 0.0
    for x in lst:
        s += x
    return repr(s)


def int_float_mix(n):
    s = 0
    for i in range(n):
        s = s + i
        s = s + 0.25
    return repr(s)


def power_series(n):
    term = 1.0
    s = 0.0
    for i in range(1, n):
        s += term
        term *= 0.5
    return repr(s), repr(term)


print(big_plus_ones(2000))
print(ones_plus_big(2000))
print(alternating(2000))
print(alternating_sign(2000))
print(tenths(3000))
print(two_accumulators(3000))
print(expression_order(2000))
print(mul_add(3000))
print(kahan(3000))
print(sum_list([1e16] + [1.0] * 2000 + [-1e16]))
print(sum_list([1.0] * 2000 + [1e16, -1e16]))
print(sum_list([1e100, 1.0, -1e100] * 500))
print(int_float_mix(2000))
print(power_series(1200))
