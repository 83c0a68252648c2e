import Foundation
import Testing
import SRSCore
@testable import SRSQuiz

@Suite struct ZZEvidenceDump {
    @Test func dump() throws {
        guard let dirs = ProcessInfo.processInfo.environment["DUMP_DIRS"], let out = ProcessInfo.processInfo.environment["DUMP_OUT"] else { return }
        var lines: [String] = []
        for dir in dirs.split(separator: ":").map(String.init) {
            for name in try FileManager.default.contentsOfDirectory(atPath: dir).sorted() where name.hasSuffix(".txt") {
                let text = try String(contentsOfFile: dir + "/" + name, encoding: .utf8)
                let result = QuizParser.parse(text: text, keys: .weighed)
                for item in result.items {
                    guard case .multipleChoice(let options, let key) = item.kind else { continue }
                    let ev = OptionEvidence(question: item.question, options: options, explanation: item.explanation)
                    let r = KeyInference.infer(question: item.question, options: options, explanation: item.explanation)
                    let obj: [String: Any] = ["file": dir + "/" + name, "pos": item.position, "key": key.map { $0.index } as Any,
                        "src": key.map { "\($0.source)" } as Any, "support": ev.support, "against": ev.against,
                        "words": ev.matchedWords, "quoted": ev.quoted, "named": Array(ev.named).sorted(),
                        "neg": ev.isNegativeQuestion, "infer": r.key.map { $0.index } as Any, "reason": r.reason,
                        "inferSrc": r.key.map { "\($0.source)" } as Any, "nopts": options.count,
                        "optWords": options.map { $0.split(separator: " ").count }]
                    lines.append(String(decoding: try JSONSerialization.data(withJSONObject: obj), as: UTF8.self))
                }
            }
        }
        try lines.joined(separator: "\n").write(toFile: out, atomically: true, encoding: .utf8)
    }
}
