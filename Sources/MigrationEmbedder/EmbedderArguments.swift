/// The command line: `--output <path>`, then `--directory <dir>` (every `*.sql` in it) and/or
/// individual migration files.
struct EmbedderArguments {
    var output: String
    var inputs: [String]
    var directories: [String]

    init(_ arguments: some Sequence<String>) throws(EmbedderError) {
        var output: String?
        var inputs: [String] = []
        var directories: [String] = []
        var iterator = arguments.makeIterator()
        while let argument = iterator.next() {
            if argument == "--output" {
                guard let path = iterator.next() else { throw .usage("--output needs a path") }
                output = path
            } else if argument == "--directory" {
                guard let path = iterator.next() else { throw .usage("--directory needs a path") }
                directories.append(path)
            } else {
                inputs.append(argument)
            }
        }
        guard let output else { throw .usage("missing --output <file.swift>") }
        self.output = output
        self.inputs = inputs
        self.directories = directories
    }
}
