//:include seizure-filter
//:include page
