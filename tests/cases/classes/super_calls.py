# super() with and without arguments, through several levels and with classmethods.


class Base:
    def greet(self):
        return "base"

    @classmethod
    def make(cls):
        return f"make {cls.__name__}"


class Middle(Base):
    def greet(self):
        return "middle+" + super().greet()

    @classmethod
    def make(cls):
        return "middle " + super().make()


class Leaf(Middle):
    def greet(self):
        return "leaf+" + super(Middle, self).greet() + "|" + super().greet()


leaf = Leaf()
print(leaf.greet())
print(Leaf.make())
print(super(Leaf, leaf))
print(super(Leaf, leaf).greet())
try:
    super(Leaf, leaf).missing
except AttributeError as e:
    print(type(e).__name__, e)
