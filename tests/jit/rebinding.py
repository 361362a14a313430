# Builtins, globals and module attributes rebound while a loop is hot.
import math

K = 2.0


def abs_rebound(n, k):
    s = 0.0
    for i in range(n):
        if i == k:
            globals()["abs"] = lambda v: 1000.0
        if i == k + 200:
            del globals()["abs"]
        s += abs(-1.5 - i % 3)
    return s


def abs_global_stmt(n, k):
    global abs
    s = 0
    for i in range(n):
        if i == k:
            abs = lambda v: -v * 10
        s += abs(i - 500)
        if i == k + 300:
            del abs
    return s


def uses_k(n):
    s = 0.0
    for i in range(n):
        s += K * i
    return s


def k_changed_inside(n, k):
    global K
    s = 0.0
    for i in range(n):
        s += K
        if i == k:
            K = 3.5
        if i == k + 100:
            K = 7
    return s


def set_k(value):
    global K
    K = value


def k_changed_by_call(n, k):
    s = 0.0
    for i in range(n):
        s += K * 2
        if i == k:
            set_k(-0.5)
        if i == k + 50:
            set_k(10**20)
    return s


def sqrt_replaced(n, k):
    s = 0.0
    for i in range(n):
        if i == k:
            math.sqrt = lambda v: -1.0
        s += math.sqrt(float(i))
    return s


def builtin_len_shadowed(n, k):
    lst = [1, 2, 3]
    s = 0
    for i in range(n):
        if i == k:
            globals()["len"] = lambda v: 100
        s += len(lst)
    del globals()["len"]
    return s


def local_shadow(n):
    s = 0
    mn = min
    for i in range(n):
        if i == n // 2:
            mn = max
        s += mn(i, 500)
    return s


real_sqrt = math.sqrt
print(repr(abs_rebound(2000, 1000)))
print(abs_global_stmt(2000, 1000))
print(abs(-3))
K = 2.0
print(repr(uses_k(1500)))
K = 4
print(repr(uses_k(1500)))
K = 2.0
print(repr(k_changed_inside(2000, 1000)), K)
K = 2.0
print(repr(k_changed_by_call(2000, 1000)), K)
print(repr(sqrt_replaced(2000, 1000)))
math.sqrt = real_sqrt
print(repr(sqrt_replaced(1500, 1400)))
math.sqrt = real_sqrt
print(builtin_len_shadowed(2000, 1000), len([1]))
print(local_shadow(2000))
