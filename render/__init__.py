"""What is drawn or written without Streamlit: formatting, table shaping, chart specs, slide
content, exports. Used by the pages and the command line alike; opens no session."""
