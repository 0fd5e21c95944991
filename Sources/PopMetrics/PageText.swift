/// Status glyphs: never colour alone, always a symbol and a letter too.
public enum PageText {
    public static func symbol(_ r: RAG) -> String {
        switch r { case .green: "✔"; case .amber: "◆"; case .red: "✖" }
    }
}
