# Floats a loop carries, used after helper calls (list appends and stores, range steps, list
# reads) and by exits taken after those calls: compiled code keeps them in stack slots across
# the calls and must hand the right values back to the interpreter.


def walk(n):
    ys = []
    y = 1.8
    step = -3.6 / n
    while y > -1.8:
        ys.append(y)
        y += step
    return len(ys), ys[-1], y


def carried_through_stores(values):
    out = [0.0] * len(values)
    acc = 0.5
    z = 0.25 - 0.5j
    for i in range(len(values)):
        out[i] = acc
        acc = acc * 0.5 + values[i]
        z = z * z + (0.1 + 0.2j) if i % 7 else z
        if acc > 1e6:
            acc = -acc
    return sum(out), acc, z


def exits_after_calls(n):
    # The type of `v` changes late: the trace exits after its calls with the floats live.
    xs = []
    s = 0.0
    t = 1.0
    for i in range(n):
        v = xs[-1] if xs else 1.0
        xs.append(s + t)
        s += v * 0.001
        t = t * 1.0001
        if i == n - 20:
            xs.append(7)
    return s, t, xs[-3:]


print(walk(1000))
print(carried_through_stores([float(k % 13) for k in range(3000)]))
print(carried_through_stores(list(range(2000)) + [0.5] * 500))
print(exits_after_calls(3000))
