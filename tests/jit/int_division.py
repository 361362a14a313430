# Floor division and modulo of ints in hot loops: every sign, zero divisors, the ends of the
# i64 range (i64::MIN // -1 leaves the machine-int range; i64::MIN % -1 is 0).
MIN = -2**63
MAX = 2**63 - 1
values = [0, 1, -1, 2, -2, 3, -3, 7, -7, 10, -10, 12345, -12345, MAX, MIN, MAX - 1, MIN + 1,
          2**62, -2**62, 97, -97]


def table(vals):
    qs = []
    rs = []
    for a in vals:
        for b in vals:
            if b == 0:
                continue
            qs.append(a // b)
            rs.append(a % b)
    return qs, rs


qs, rs = table(values)
print(len(qs), len(rs))
for k in range(0, len(qs), 23):
    print(k, qs[k], rs[k])
print(sum(qs), sum(rs))


def zero(vals):
    caught = 0
    for a in vals:
        try:
            a // 0
        except ZeroDivisionError:
            caught += 1
        try:
            a % 0
        except ZeroDivisionError as e:
            caught += 1
            last = str(e)
    return caught, last


print(zero(values))


def mixed(n):
    s = 0
    for i in range(-n, n):
        s += i // 7 + i % 7 + (i * 3) // -5 + (i * 3) % -5
    return s


print(mixed(1000))


def by_variable(n, d):
    s = 0
    for i in range(n):
        s += (i * 31 - 500) // d - (i * 17) % d
    return s


print([by_variable(300, d) for d in (1, -1, 2, -3, 1000, -1000)])


def overflow(low):
    out = []
    for b in [3, 2, 1, -1, -2, -1]:
        out.append(low // b)
        out.append(low % b)
    return out


print(overflow(MIN))


# True division of ints: as floats up to 2**53 in magnitude, exactly rounded beyond.
def true_div(vals):
    out = []
    for a in vals:
        for b in vals:
            if b != 0:
                out.append(a / b)
    return out


big = [1, -1, 3, -7, 10, 2**53, -2**53, 2**53 + 1, -2**53 - 1, 2**62 + 12345, MIN, MAX, 9007199254740993]
res = true_div(big)
print(len(res))
for k in range(0, len(res), 11):
    print(k, repr(res[k]))
print(sum(res))


def ratio(n):
    s = 0.0
    for i in range(1, n):
        s += i / n + (n - i) / i - i / -3
    return s


print(ratio(500))


def zero_div(vals):
    caught = 0
    for a in vals:
        try:
            a / 0
        except ZeroDivisionError as e:
            caught += 1
            msg = str(e)
    return caught, msg


print(zero_div(big))
