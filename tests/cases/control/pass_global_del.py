# pass, global declarations, and del of names, items and slices.

counter = 0

def increment():
    global counter
    counter += 1
    return counter

for _ in range(5):
    increment()
print("counter", counter)

def set_new_global():
    global created_later
    created_later = "made inside a function"

set_new_global()
print(created_later)

def read_global():
    return counter * 2

print("read", read_global())

def shadow():
    counter = 100
    return counter

print("shadow", shadow(), "global still", counter)

def unbound():
    try:
        print(counter)
        counter = 5
    except UnboundLocalError as e:
        print(type(e).__name__, e)

unbound()

# pass in various places
def nothing():
    pass

print(nothing())
for i in range(3):
    pass
while False:
    pass
if True:
    pass
else:
    pass

# del of a name
x = 10
del x
try:
    print(x)
except NameError as e:
    print(type(e).__name__, e)

# del of list items and slices
lst = list(range(10))
del lst[0]
print(lst)
del lst[-1]
print(lst)
del lst[2:4]
print(lst)
del lst[::2]
print(lst)
del lst[:]
print(lst)
try:
    del lst[0]
except IndexError as e:
    print(type(e).__name__, e)

# del of dict items
d = {"a": 1, "b": 2, "c": 3}
del d["b"]
print(d)
try:
    del d["zzz"]
except KeyError as e:
    print(type(e).__name__, e)

# del of several targets at once
p, q, r = 1, 2, 3
del p, q
try:
    print(p)
except NameError as e:
    print(type(e).__name__, e)
print("r still", r)

# del a global from a function
victim = "here"

def remove_victim():
    global victim
    del victim

remove_victim()
try:
    victim
except NameError as e:
    print(type(e).__name__, e)

# del of a nested item
m = [[1, 2, 3], {"k": [4, 5]}]
del m[0][1]
del m[1]["k"][0]
print(m)
