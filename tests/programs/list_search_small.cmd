programs/list_search.py 500 3
