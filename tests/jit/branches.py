# Branches whose direction flips while the loop is hot.


def half(n):
    a = 0
    b = 0
    for i in range(n):
        if i < n // 2:
            a += i
        else:
            b -= i
    return a, b


def mod3(n):
    c = [0, 0, 0]
    s = 0
    for i in range(n):
        if i % 3 == 0:
            s += 1
            c[0] += 1
        elif i % 3 == 1:
            s *= 2
            s %= 1000003
            c[1] += 1
        else:
            s -= 7
            c[2] += 1
    return s, c


def and_or(n):
    x = 0
    y = 0
    z = 0
    for i in range(n):
        if i % 2 == 0 and i % 5 == 0:
            x += 1
        if i % 7 == 0 or i > n - 10:
            y += 1
        if (i % 3 == 0 or i % 4 == 0) and not (i % 6 == 0):
            z += 1
        if i > 100 and i < 200 or i > 1500 and i % 2:
            z += 1000
    return x, y, z


def value_of_or(n):
    vals = [0, 1, "", "a", None, 2.5, [], [0]]
    out = []
    for i in range(n):
        v = vals[i % len(vals)]
        w = v or i
        u = v and i
        if i >= n - len(vals):
            out.append((w, u))
    return out


def compound_while(n):
    i = 0
    j = n
    steps = 0
    while i < j and (i % 97 != 96 or steps < 5000) and j > 0:
        i += 2
        j -= 1
        steps += 1
    return i, j, steps


def while_flip(n):
    x = 1
    count = 0
    while x != 0 and count < n:
        if x > 0:
            x = -x - 1
        else:
            x = -x + 1
        if count == n - 5:
            x = 0
        count += 1
    return x, count


def chained_cmp(n):
    hits = 0
    for i in range(n):
        if 100 < i <= 900 or -5 < i - n < 0:
            hits += 1
    return hits


def float_branch(n):
    x = 0.0
    up = 0
    for i in range(n):
        if x < 10.5:
            x += 1.25
            up += 1
        else:
            x -= 3.0
    return repr(x), up


def ternary(n):
    s = 0
    for i in range(n):
        s += i if i % 4 else -2 * i
    return s


def nested_if(n):
    out = [0] * 8
    for i in range(n):
        k = 0
        if i & 1:
            k += 1
            if i & 2:
                k += 2
                if i & 4:
                    k += 4
        out[k] += 1
    return out


print(half(2000))
print(mod3(3000))
print(and_or(2000))
print(value_of_or(1600))
print(compound_while(5000))
print(while_flip(3000))
print(chained_cmp(2000))
print(float_branch(3000))
print(ternary(3000))
print(nested_if(2000))
