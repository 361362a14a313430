# Generators abandoned at the same moment (a frame's locals going away, a list freed) are
# closed in the order CPython frees them: a frame's locals first to last, a list's items last
# to first.
def gen(i):
    try:
        yield i
    finally:
        print("closed", i)

def main():
    g = None
    for i in range(5):
        g = gen(i)
        next(g)
        print("after", i)
    k = 0
    while k < 4:
        h = gen(k * 10)
        next(h)
        if k % 2:
            print("odd", k)
        k += 1
    print("done")

main()

gens = [gen(i) for i in range(100, 104)]
for x in gens:
    next(x)
del x
del gens
print("list freed")
