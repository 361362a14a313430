"""Dictionaries and sets (chapter 4): a str subclass with a custom hash, CPython's probing
sequence as a generator, and unique-name lookup with a list versus a set.

Usage: dict_probing.py [N]
"""
import sys
import time
from itertools import islice


class City(str):
    """A string whose hash is its first letter's code: many collisions by design."""

    def __hash__(self):
        return ord(self[0])


def sample_probe(hash_value, mask):
    """The sequence of slots a dict probes for a hash (CPython's perturbation scheme)."""
    i = hash_value & mask
    yield i
    perturb = hash_value
    while True:
        perturb >>= 5
        i = (i * 5 + perturb + 1) & mask
        yield i


def list_unique_names(phonebook):
    unique_names = []
    for name, phonenumber in phonebook:
        first_name, last_name = name.split(" ", 1)
        for unique in unique_names:
            if unique == first_name:
                break
        else:
            unique_names.append(first_name)
    return len(unique_names)


def set_unique_names(phonebook):
    unique_names = set()
    for name, phonenumber in phonebook:
        first_name, last_name = name.split(" ", 1)
        unique_names.add(first_name)
    return len(unique_names)


def make_phonebook(n):
    firsts = [f"Name{i}" for i in range(n // 10)]
    return [(f"{firsts[i % len(firsts)]} Surname{i}", f"555-{i:04d}") for i in range(n)]


def main(n):
    cities = {City("Rome"): "it", City("Riga"): "lv", City("Lima"): "pe", City("Reno"): "us"}
    print("hashes:", [hash(c) for c in cities])
    print("lookups:", cities[City("Riga")], cities[City("Lima")], "Lima" in cities, City("Reno") in cities, "Oslo" in cities)
    print("equal to plain str:", City("Rome") == "Rome", hash("Rome") == hash(City("Rome")))
    for h in (5, 1234567, 2**40 + 3):
        print(f"probe {h}:", list(islice(sample_probe(h, 7), 8)))
    phonebook = make_phonebook(n)
    t0 = time.perf_counter()
    from_list = list_unique_names(phonebook)
    t1 = time.perf_counter()
    from_set = set_unique_names(phonebook)
    t2 = time.perf_counter()
    print("unique first names:", from_list, from_set)
    print("list took", t1 - t0, "seconds")
    print("set took", t2 - t1, "seconds")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20000)
