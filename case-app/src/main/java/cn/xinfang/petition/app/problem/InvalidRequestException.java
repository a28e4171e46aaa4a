package cn.xinfang.petition.app.problem;

import java.util.List;

/** A request with one or more invalid fields; answered 400 with every field error. */
public class InvalidRequestException extends RuntimeException {

    private final List<Problems.FieldProblem> errors;

    public InvalidRequestException(List<Problems.FieldProblem> errors) {
        super(errors.size() + " invalid field(s)");
        this.errors = List.copyOf(errors);
    }

    public List<Problems.FieldProblem> errors() {
        return errors;
    }
}
