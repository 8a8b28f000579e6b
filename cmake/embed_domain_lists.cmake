# Writes OUT, a C++ file holding the text of the bundled domain lists
# (data/domains/*.txt) as declared in src/recipients/real_domains.h:
#   cmake -DOUT=... -DSRC=data/domains -DFILES=gov.txt,mil.txt -P embed_domain_lists.cmake
string(REPLACE "," ";" FILES "${FILES}")
set(body "// Generated from data/domains/ by cmake/embed_domain_lists.cmake; do not edit.\n")
string(APPEND body "#include <string_view>\n\nnamespace sendguard::real_domains_data {\n\n")
string(APPEND body "extern const std::string_view kBundledLists;\n")
string(APPEND body "const std::string_view kBundledLists =\n")
foreach(f IN LISTS FILES)
  file(READ "${SRC}/${f}" text)
  if(text MATCHES "\\)SGLIST")
    message(FATAL_ERROR "${f} holds the literal's delimiter")
  endif()
  string(APPEND body "    R\"SGLIST(${text}\n)SGLIST\"\n")
endforeach()
string(APPEND body "    ;\n\n}  // namespace sendguard::real_domains_data\n")
file(WRITE "${OUT}.tmp" "${body}")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
