"""The curator's loop: draft a new source's rows (add), repair spans after an edit (spans), find what no row
covers (gaps). Library functions; `hrdocs curate` is a thin command line over them."""
