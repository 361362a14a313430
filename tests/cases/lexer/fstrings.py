# f-string basics: expressions, conversions, format specs, escaping braces.

name = "world"
n = 42
pi = 3.14159265358979
items = [1, 2, 3]
d = {"k": "v"}

print(f"hello {name}")
print(F"upper prefix {n}")
print(f"{n} {n + 1} {n * 2} {n // 5} {n % 5}")
print(f"{pi:.2f} {pi:10.3f}| {pi:<10.1f}| {pi:e}")
print(f"{n:5d}|{n:<5d}|{n:^5d}|{n:05d}|{n:+d}")
print(f"{n:x} {n:X} {n:o} {n:b} {n:#x} {n:#o} {n:#b}")
print(f"{1234567:,} {1234567:_} {1234567.891:,.2f}")
print(f"{name!r} {name!s} {'é'!a}")
print(f"{{literal braces}} {{{n}}}")
print(f"{items} {items[0]} {items[-1]} {len(items)}")
print(f"{d['k']} {d}")
print(f"{'nested quotes'} {'x' if False else 'y'}")
print(f"{n if n > 10 else 0}")
print(f"{[x * x for x in items]}")
print(f"{name.upper()} {name[::-1]} {name:>10} {name:*^11}")
width = 8
prec = 3
print(f"{pi:{width}.{prec}f}|")
print(f"{n=}")
print(f"{n + 1 = }")
print(f"{name=!r} {pi=:.2f}")
print(f"{None} {True} {False}")
print(f"{3+4j} {1e20} {1e-7} {-0.0}")
print(f"{0.1 + 0.2}")
print(f"")
print(f"{''}")
print(f"tab\there {n}\n{n}")
print(rf"raw {n} \n")
print(fr"raw {n} \t")
print(f"{12:%} {0.5:.0%} {0.125:.1%}")
print(f"{-5:05d} {-5:+05d} {5: d} {-5: d}")
print(f"{'abc':.2} {'abc':5}|")
print(f"{n!r:>6}|")
print(f"{(lambda x: x * 2)(5)}")
print(f"{','.join(['a', 'b'])}")
print(f"multi {1}" f" part {2}")
x = 7
print(f"{x}{x}{x}")
print(f"{x:{'>'}{5}}")
