# Lists resized inside hot loops, iterated by index and with `for x in lst`.


def append_while_indexing(n):
    lst = [1, 2, 3]
    i = 0
    while i < len(lst) and len(lst) < n:
        lst.append(lst[i] + lst[-1] % 7)
        i += 1
    return len(lst), sum(lst), lst[-5:]


def pop_while_indexing(n):
    lst = list(range(n))
    i = 0
    total = 0
    while i < len(lst):
        total += lst[i]
        if lst[i] % 3 == 0:
            lst.pop()
        i += 1
    return total, len(lst), lst[-3:]


def pop_front(n):
    lst = list(range(n))
    out = 0
    while lst:
        x = lst.pop(0) if len(lst) % 2 else lst.pop()
        out = out * 3 + x
        out %= 1000000007
    return out


def append_in_for(n):
    lst = [0, 1]
    for x in lst:
        if len(lst) < n:
            lst.append(x + 2)
    return len(lst), sum(lst)


def pop_in_for(n):
    lst = list(range(n))
    seen = []
    for x in lst:
        if x % 5 == 0 and lst:
            lst.pop()
        seen.append(x)
    return len(seen), seen[-3:], len(lst)


def clear_in_for(n):
    lst = list(range(n))
    count = 0
    for x in lst:
        count += 1
        if x == n // 2:
            del lst[:]
    return count, lst


def shrink_by_index(n):
    lst = [float(i) for i in range(n)]
    s = 0.0
    errors = 0
    for i in range(n):
        try:
            s += lst[i]
        except IndexError:
            errors += 1
        if i == n // 2:
            del lst[n // 2 + 100:]
    return s, errors


def insert_in_loop(n):
    lst = [0]
    for i in range(n):
        lst.insert(len(lst) // 2, i)
    return lst[:5], lst[-5:], sum(lst)


def extend_and_slice(n):
    lst = []
    for i in range(n):
        lst += [i, -i]
        if len(lst) > 100:
            lst = lst[50:]
    return len(lst), sum(lst), lst[:4]


def replace_list(n):
    lst = [1.0] * 10
    s = 0.0
    for i in range(n):
        s += lst[i % len(lst)]
        if i == n // 2:
            lst = [2] * 3
    return s


print(append_while_indexing(3000))
print(pop_while_indexing(3000))
print(pop_front(1500))
print(append_in_for(2000))
print(pop_in_for(3000))
print(clear_in_for(2000))
print(shrink_by_index(2000))
print(insert_in_loop(1200))
print(extend_and_slice(2000))
print(repr(replace_list(2000)))
