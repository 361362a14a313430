# Exceptions raised in hot loops, caught inside the loop and outside it.


class Custom(Exception):
    pass


class Other(Custom):
    def __init__(self, n):
        super().__init__("other %d" % n)
        self.n = n


def zero_div_inside(n):
    s = 0.0
    errs = 0
    for i in range(n):
        try:
            s += 1.0 / (i % 10)
        except ZeroDivisionError:
            errs += 1
    return repr(s), errs


def int_zero_div_inside(n):
    s = 0
    errs = []
    for i in range(n):
        try:
            s += 1000 // (i % 50 - 25)
        except ZeroDivisionError as e:
            errs.append(i)
    return s, len(errs), errs[:3]


def zero_div_outside(n, k):
    s = 0
    try:
        for i in range(n):
            s += 100 // (k - i)
    except ZeroDivisionError as e:
        return "caught at", i, s, str(e)
    return s


def key_error(n):
    d = {i: i * i for i in range(0, 100, 3)}
    hits = 0
    misses = 0
    for i in range(n):
        try:
            hits += d[i % 100]
        except KeyError as e:
            misses += 1
            last = e.args
    return hits, misses, last


def index_error_outside(n):
    lst = list(range(n))
    i = 0
    s = 0
    try:
        while True:
            s += lst[i]
            i += 1
    except IndexError:
        pass
    return i, s


def custom(n):
    caught = []
    count = 0
    for i in range(n):
        try:
            if i % 100 == 99:
                raise Other(i)
            if i % 250 == 0:
                raise Custom("c%d" % i)
            count += 1
        except Other as e:
            caught.append(e.n)
        except Custom as e:
            caught.append(str(e))
    return count, caught[:6], len(caught)


def finally_counts(n):
    fin = 0
    body = 0
    errs = 0
    for i in range(n):
        try:
            try:
                if i % 7 == 3:
                    raise ValueError(i)
                body += 1
            finally:
                fin += 1
        except ValueError:
            errs += 1
    return fin, body, errs


def break_in_try(n):
    fin = 0
    i = 0
    for i in range(n):
        try:
            if i == n - 10:
                break
        finally:
            fin += 1
    return i, fin


def continue_in_try(n):
    fin = 0
    s = 0
    for i in range(n):
        try:
            if i % 3:
                continue
            s += i
        finally:
            fin += 1
    return s, fin


def return_in_finally_loop(n):
    s = 0
    for i in range(n):
        try:
            s += 1 // (i - n + 1) if i == n - 1 else 1
        except ZeroDivisionError:
            return "zero", s
        finally:
            s += 1
    return s


def raise_from_helper(v):
    if v % 11 == 0:
        raise Custom(v)
    return v


def via_call(n):
    s = 0
    bad = 0
    for i in range(n):
        try:
            s += raise_from_helper(i)
        except Custom:
            bad += 1
    return s, bad


def else_clause(n):
    a = 0
    b = 0
    for i in range(n):
        try:
            x = 10 / (i % 4)
        except ZeroDivisionError:
            a += 1
        else:
            b += x
    return a, repr(b)


def uncaught(n):
    s = 0
    for i in range(n):
        s += [1, 2, 3][i % 4 if i > n - 3 else i % 3]
    return s


print(zero_div_inside(2000))
print(int_zero_div_inside(2000))
print(zero_div_outside(3000, 1500))
print(key_error(2000))
print(index_error_outside(2000))
print(custom(2000))
print(finally_counts(2000))
print(break_in_try(2000))
print(continue_in_try(2000))
print(return_in_finally_loop(2000))
print(via_call(2000))
print(else_clause(2000))
try:
    uncaught(2000)
except IndexError as e:
    print("IndexError:", e)
print(uncaught(1))
