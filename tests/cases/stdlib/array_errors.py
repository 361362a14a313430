from array import array as A

def attempt(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

for code in 'bBhHiIlLqQ':
    print(code)
    for v in [2**63, -2**63 - 1, 2**64, 128, -129, 256, -1, 2**15, -2**15 - 1, 2**16, 2**31, -2**31 - 1, 2**32]:
        attempt(lambda: A(code, [v]))
a = A('b', [0])
attempt(lambda: a.append(128))
attempt(lambda: a.__setitem__(0, -129))
attempt(lambda: a.extend([1, 2, 1000]))
print(a)
attempt(lambda: A('i', [1.5]))
attempt(lambda: A('b', ['a']))
attempt(lambda: A('d', ['x']))
attempt(lambda: A('d', [None]))
attempt(lambda: A('z'))
attempt(lambda: A(1))
attempt(lambda: A('ii'))
attempt(lambda: A('i', [1, 2])[5])
attempt(lambda: A('i', [1, 2])[-3])
attempt(lambda: A('i', [1, 2]).__setitem__(5, 1))
attempt(lambda: A('i', [1, 2]).__setitem__(slice(0, 1), [1]))
attempt(lambda: A('i', [1, 2]).__setitem__(slice(0, 1), A('d', [1])))
attempt(lambda: A('i', [1, 2, 3]).__setitem__(slice(0, 3, 2), A('i', [1])))
attempt(lambda: A('i', [1, 2]).extend(A('d')))
attempt(lambda: A('i', 'abc'))
attempt(lambda: A('b').pop())
attempt(lambda: A('B', [1]).index(5))
attempt(lambda: A('i', [1])['x'])
attempt(lambda: A('i', 5))
