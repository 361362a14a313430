# Comparisons between int, float, bool, complex and big ints.

print(1 == 1.0, 1 == True, 0 == False, 0.0 == False, 1 == 1 + 0j, 2.5 == 2.5 + 0j)
print(1 < 1.5, 2 > 1.999999, -1 < False, True < 2, 0.5 > False)
print(1 != 1.0, 1 != 2, 1.0 != 1.0000000000000002)

big = 2 ** 63
print(big == float(big), big + 1 == float(big + 1), big + 1 > float(big), float(big) < big + 1)
print(2 ** 53 + 1 == float(2 ** 53 + 1), 2 ** 53 + 1 > 2.0 ** 53)
print(10 ** 400 > 1e308, 10 ** 400 < float("inf"), -10 ** 400 > float("-inf"), 10 ** 400 == float("inf"))
print(0.1 + 0.2 == 0.3, 0.1 + 0.2 > 0.3, abs(0.1 + 0.2 - 0.3) < 1e-15)
print(-0.0 == 0.0, -0.0 < 0.0, 0 == -0.0)

nan = float("nan")
inf = float("inf")
print(nan == nan, nan != nan, nan < 1, nan > 1, nan <= nan, nan >= 0, 1 < nan)
print(inf == inf, inf > 10 ** 1000, -inf < -10 ** 1000, inf > nan, inf == inf + 1)
print(nan == complex(nan, 0), complex(1, 0) == 1.0, complex(0, 0) == 0)

# complex only supports == and !=
for a, b in [(1j, 1j), (1j, 2j), (1 + 0j, 1)]:
    print(a == b, a != b)
for op in ["<", "<=", ">", ">="]:
    try:
        if op == "<":
            1j < 2j
        elif op == "<=":
            1j <= 1
        elif op == ">":
            1 > 1j
        else:
            1.0 >= 1j
    except TypeError as e:
        print(type(e).__name__, e)

# ordering comparisons with non-numbers
for fn in [lambda: 1 < "1", lambda: "a" > 1.5, lambda: None < 0, lambda: [1] < 1, lambda: (1,) >= 2]:
    try:
        print(fn())
    except TypeError as e:
        print(type(e).__name__, e)
print(1 == "1", "1" != 1, None == 0, [] == 0, () == [], 1 == [1])

# sorting a mixed numeric list
mixed = [3, 2.5, True, -1, 10 ** 20, 0.0, False, -2.5, 1e20, 7]
print(sorted(mixed))
print(max(mixed), min(mixed), max(1, 1.0), max(1.0, 1), min(0, False), min(False, 0))

# comparisons of containers with mixed numbers
print([1, 2.0] == [1.0, 2], (1, 2) < (1, 2.5), [1, 2] < [1, 2, 0], (True, 2) == (1, 2.0))
print({1: "a"} == {1.0: "a"}, {1: "a", True: "b"})
print(1 in [1.0], 1.0 in (1,), True in [1], 2j in [2j], 0 in [False], nan in [nan])
print([nan] == [nan], (nan,) == (nan,))
x = nan
print([x] == [x], x in [x])
