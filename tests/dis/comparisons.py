def compare(a, b):
    r1 = a < b
    r2 = a <= b
    r3 = a == b
    r4 = a != b
    r5 = a > b
    r6 = a >= b
    r7 = a is b
    r8 = a is not None
    r9 = a in b
    r10 = a not in b
    return (r1, r2, r3, r4, r5, r6, r7, r8, r9, r10)

x = 3
if x > 2:
    print("big")
elif x == 2:
    print("two")
else:
    print("small")
