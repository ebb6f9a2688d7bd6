"""Use cases and queries. No Streamlit here: pages, manage.py and tests all call these."""
