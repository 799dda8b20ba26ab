//:include list-walk
//:include persons-filter
//:include list-page
