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


# An inner loop whose hot path (a side trace) makes no call, inside an outer loop whose path
# steps a range and reads lists: the floats are stored for the calls only on the outer path,
# and exits after those calls (an item of another type, the range's end) still need them.
def escape_counts(zs, cs, limit):
    out = [0] * len(zs)
    z = 0j
    for i in range(len(zs)):
        n = 0
        z = zs[i]
        c = cs[i]
        while abs(z) < 2 and n < limit:
            z = z * z + c
            n += 1
        out[i] = n
    return sum(out), z


grid = [complex(-1.5 + 0.01 * k, 0.3 - 0.007 * k) for k in range(400)]
consts = [complex(-0.62772, -0.42193)] * 400
print(escape_counts(grid, consts, 60))
consts[350] = 0.25  # a float among the complex constants
print(escape_counts(grid, consts, 60))
grid[300] = 0.5  # and a float among the starting points
print(escape_counts(grid, consts, 60))

# A global float the loop reads, rebound in the middle: its binding check runs before the
# loop, the carried floats cross it.
SCALE = 0.5


def scaled(n):
    global SCALE
    a = 1.0
    b = -2.0
    for i in range(n):
        a = a * SCALE + b
        b = b * 0.999
        if i == n // 2:
            SCALE = 0.25
    return a, b


print(scaled(500))
SCALE = 0.75
print(scaled(60))


# A residual call (a function with a loop of its own) between a float's definition and its use,
# and an exit after the call: the value comes back from its stack slot.
def total(m, step):
    s = 0
    for x in range(m):
        s += x * step
    return s


def mix(n):
    acc = 0.0
    w = 1.5
    step = 1
    for i in range(n):
        u = acc * 0.5 + w
        k = total(4, step)
        acc = u + k
        if i == n - 30:
            step = 0.5
        w = -w
    return acc, w


print(mix(400))
