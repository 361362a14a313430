programs/dict_probing.py 500
