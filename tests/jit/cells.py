# Variables in cells (captured by a closure) read and written in hot loops.


def read_captured(n):
    scale = 3
    f = lambda v: v * scale
    total = 0
    for i in range(n):
        total += i * scale
        if i == n // 2:
            scale = 2.5
    return total, f(2)


def written_in_loop(n):
    acc = 0
    get = lambda: acc
    for i in range(n):
        acc = acc + i
        if i == 3 * n // 4:
            acc = acc * 1.0
    return acc, get()


def overflow_in_cell(n):
    big = 2**62
    peek = lambda: big
    for i in range(n):
        big = big + 2**58
    return big, peek()


def changed_by_closure(n):
    count = 0

    def bump():
        nonlocal count
        count += 10

    total = 0
    for i in range(n):
        total += count
        if i % 17 == 0:
            bump()
    return total, count


def unbound_later(n):
    def show():
        return late

    out = []
    for i in range(n):
        try:
            out.append(show())
        except NameError as e:
            out.append(str(e))
        if i == n - 5:
            late = i
    return out[-7:]


def grid_with_cell(size):
    ymax = size
    rows = [[0.5 * j for j in range(ymax)] for _ in range(size)]
    s = 0.0
    for i in range(size):
        for j in range(ymax):
            s += rows[i][(j + 1) % ymax]
    return s


print(read_captured(300))
print(written_in_loop(300))
print(overflow_in_cell(100))
print(changed_by_closure(300))
print(unbound_later(40))
print(grid_with_cell(60))
