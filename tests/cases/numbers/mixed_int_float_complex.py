# Mixing int, float, complex (and bool) in arithmetic: result types and values.

def show(label, v):
    print(label, type(v).__name__, v)

show("int+int", 2 + 3)
show("int+float", 2 + 3.0)
show("float+int", 2.5 + 3)
show("int+complex", 2 + 3j)
show("float+complex", 2.5 + 3j)
show("complex+complex", (1 + 2j) + (3 - 2j))
show("int-float", 10 - 0.5)
show("int*float", 3 * 0.1)
show("int*complex", 3 * (1 + 1j))
show("float*complex", 0.5 * (2 + 4j))
show("complex*complex", (1 + 2j) * (3 + 4j))
show("complex-int", (5 + 5j) - 5)
show("bool+int", True + 1)
show("bool+float", True + 0.5)
show("bool+complex", True + 1j)
show("bool+bool", True + True)
show("bool*bool", True * False)
show("int//float", 7 // 2.0)
show("float%int", 7.5 % 2)
show("int**float", 4 ** 0.5)
show("big+float", 10 ** 20 + 0.5)
show("big*complex", 10 ** 20 * 1j)
show("big-big float", (10 ** 20 + 1) - 1e20)

# complex parts
z = 3 + 4j
print(z.real, z.imag, z.conjugate(), abs(z), type(z.real).__name__)
print((1 + 0j) == 1, (1 + 0j) == 1.0, (1 + 1j) == 1, 1j * 1j == -1)
print(complex(1, 2) + complex(0.5, -0.5))
print(-z, +z, z * 0, z * 0.0, z - z)

# unsupported operations with complex
for fn, label in [(lambda: (1 + 2j) // 2, "//"), (lambda: (1 + 2j) % 2, "%"),
                  (lambda: divmod(1j, 1), "divmod"), (lambda: (1 + 2j) < (2 + 3j), "<"),
                  (lambda: 1j > 0, ">"), (lambda: int(1j), "int"), (lambda: float(1j), "float"),
                  (lambda: round(1j), "round")]:
    try:
        print(label, fn())
    except TypeError as e:
        print(label, type(e).__name__, e)

# unsupported operand types with non-numbers
for fn in [lambda: 1 + "1", lambda: "1" + 1, lambda: 1.5 * None, lambda: [1] - [1],
           lambda: 2j + "x", lambda: None + None, lambda: 3 / "a", lambda: -"a", lambda: ~1.5]:
    try:
        print(fn())
    except TypeError as e:
        print(type(e).__name__, e)

# sequences times ints and bools
print("ab" * 3, [0] * 4, (1, 2) * 2, "x" * 0, "x" * -2, [1] * True, "ab" * False)
try:
    print("ab" * 2.0)
except TypeError as e:
    print(type(e).__name__, e)

# accumulating mixed values
acc = 0
for v in [1, 2.5, True, 3j, -1, 10 ** 18]:
    acc += v
    print(type(acc).__name__, acc)
print(sum([1, 2.0, 3j]), sum([True, True, True]), sum([0.1] * 10))
