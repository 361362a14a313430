# Iterators a trace keeps in registers: the loop's own range or list iterator, and those
# made inside the loop by `for` over `range(...)` or a list (nested loops).


def nested_ranges(n):
    total = 0
    for i in range(n):
        for j in range(i):
            if j > 40:
                break
            total += j
        else:
            total += 1000
    return total


def steps_and_signs():
    out = []
    for start, stop, step in [(0, 30, 1), (30, 0, -1), (5, 100, 7), (100, 5, -7), (3, 3, 1),
                              (10, 0, 1), (0, 10, -1), (-50, 50, 13), (7, -7, -3)]:
        acc = 0
        count = 0
        for k in range(60):
            for v in range(start, stop, step):
                acc += v * k
                count += 1
        out.append((acc, count))
    return out


def one_and_two_arguments(n):
    s = 0
    for i in range(n):
        for a in range(i % 7):
            s += a
        for b in range(i % 5, 9):
            s -= b
    return s


def zero_step(n):
    caught = 0
    for i in range(n):
        step = 1 if i < n - 3 else 0
        try:
            for v in range(0, 10, step):
                caught += v
        except ValueError as e:
            caught += 1000
            print("ValueError:", e)
    return caught


def huge_ranges():
    out = []
    for i in range(40):
        for v in range(-2**63 + i, 2**63 - 1, 2**62):
            out.append(v)
        for v in range(2**62, -2**63, -(2**61) - i):
            out.append(v)
    return len(out), out[:6], out[-3:]


def grid_sum(rows):
    s = 0.0
    for row in rows:
        for x in row:
            s += x
    return s


def mutated_lists(n):
    log = []
    for i in range(n):
        items = [1, 2, 3]
        for x in items:
            if x == 2 and i % 3 == 0:
                items.append(x * 10)
            if x == 3 and i % 5 == 0:
                items.pop(0)
            log.append(x)
    return len(log), sum(log), log[-8:]


def types_change(values):
    acc = 0
    for v in values:
        acc = acc + v
    return acc


def shared_iterator(n):
    out = []
    for i in range(n):
        it = iter(range(i, i + 10))
        for x in it:
            if x >= i + 3:
                break
        out.append(next(it))
        items = [i, i + 1, i + 2, i + 3]
        lit = iter(items)
        for y in lit:
            if y == i + 1:
                break
        out.append(list(lit))
    return out[-4:]


def rebound_list(n):
    data = list(range(20))
    seen = 0
    for x in data:
        data = [0] * 3
        seen += x
    return seen, len(data)


def pairs_unpacked(pairs):
    total = 0.0
    for i in range(30):
        for (a, b), c in pairs:
            total += a * b - c
    return total


def return_from_inner(n):
    for i in range(n):
        for j in range(n):
            if i * j > 2000:
                return i, j
    return None


def while_around_for(n):
    i = 0
    s = 0
    while i < n:
        for j in range(i % 4):
            s += j
        for x in [i, -i, 2 * i]:
            s += x
        i += 1
    return s


def cleared(n):
    total = 0
    for i in range(n):
        items = list(range(10))
        for x in items:
            if x == 4:
                items.clear()
            total += x
    return total


def growing(n):
    items = [1, 2, 3]
    total = 0
    for x in items:
        if len(items) < n:
            items.append(x + 1)
        total += x
    return total, len(items)


def retyped_ahead(n):
    items = list(range(n))
    total = 0
    for x in items:
        if x == n // 2:
            items[x + 1] = 0.25
            items[x + 3] = 2**70
        total = total + x
    return total


def rows_swapped(grid):
    s = 0
    for k in range(3):
        for row in grid:
            for x in row:
                s += x * k
            row[0] = row[-1] + 1
    return s, grid[0][:3]


def total(seq):
    s = 0
    for x in seq:
        s += x
    return s


def kinds_per_call(n):
    # One loop over lists, ranges, tuples and iterators by turns: a tree per kind.
    out = []
    for k in range(n):
        out.append(total([1, 2, 3] * 30))
        out.append(total(range(k * 5)))
        out.append(total((4, 5, 6) * 20))
        out.append(total(iter([7] * 50)))
    return sum(out), out[-8:]


print(nested_ranges(200))
print(steps_and_signs())
print(one_and_two_arguments(300))
print(zero_step(50))
print(huge_ranges())
print(grid_sum([[float(i * j) for j in range(25)] for i in range(150)]))
print(grid_sum([[i, 2.5, -0.0] for i in range(150)]))
print(mutated_lists(60))
print(types_change(list(range(100)) + [0.5, 1.5] + list(range(50)) + [2**62, 2**62, 2**62]))
print(shared_iterator(80))
print(rebound_list(5))
print(pairs_unpacked([((float(i), 2.0), 0.5 * i) for i in range(12)]))
print(return_from_inner(100))
print(while_around_for(300))
print(cleared(40))
print(growing(500))
print(retyped_ahead(300))
print(rows_swapped([list(range(i, i + 40)) for i in range(50)]))
print(kinds_per_call(30))
