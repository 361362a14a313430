# Defining __eq__ without __hash__ makes a class unhashable, also for its subclasses.
class E:
    def __eq__(s, o): return True
print(E.__hash__)
try:
    print({E()})
except TypeError as e:
    print(e)
class F(E):
    pass
try:
    hash(F())
except TypeError as e:
    print(e)
class G(E):
    def __hash__(self): return 5
print(hash(G()))
class S(str):
    def __eq__(s, o): return True
try:
    hash(S("a"))
except TypeError as e:
    print(e)
